/**
 * The ticket-based FHIR face is older than the KI codes: it answers the same broken rules with
 * the KJF code of the same meaning (seed 000), e.g. an update of an old version is KI-0011 on the
 * critical-information API and KJF-000065 here.
 */
import type { ErrorCode } from '../error-catalogue.js'
import { KjError } from '../kj-error.js'
import { KjRuleError } from './rule-error.js'

const LEGACY: Partial<Record<ErrorCode, ErrorCode>> = {
  'KI-0006': 'KJS-000323',
  'KI-0007': 'KJF-000260',
  'KI-0010': 'KJF-000303',
  'KI-0011': 'KJF-000065',
  'KI-0012': 'KJF-000258',
  'KI-0013': 'KJF-000285',
  'KI-0014': 'KJF-000233',
  'KI-0015': 'KJF-000229',
  'KI-0016': 'KJF-000278',
  'KI-0017': 'KJF-000253',
  'KI-0018': 'KJF-000352',
  'KI-0019': 'KJF-000179'
}

export function toLegacyError (err: KjError): KjError {
  const code = err instanceof KjRuleError ? err.legacyCode : LEGACY[err.code]
  return code === undefined ? err : new KjError(code, err.diagnostics, err.location, err.httpStatus)
}
