/** Findings about FHIR operations the sandbox offers that NHN does not document. */
import type { FindingDefinition } from '../catalogue.js'
import { SOURCES } from './sources.js'

export const FHIR_OPERATION_FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'validate-operation',
    severity: 'unconfirmed',
    title: '$validate used',
    realService: 'NHN documents no $validate on either FHIR API; the real service most likely answers it as an unknown operation. Valid here does not promise accepted there.',
    source: SOURCES.criticalInfoResources,
    fix: 'Use $validate against the sandbox while developing only; in production send the resource and handle the API\'s own validation errors (KI-0014 / KJF codes).',
    strict: { refuses: false, why: 'An unconfirmed finding: what NHN answers is not documented.' },
    assumption: true
  }
]
