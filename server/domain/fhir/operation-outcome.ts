/**
 * The critical-information API's error body: a FHIR OperationOutcome whose id is the request's
 * event id and whose one issue carries the codes in `details.coding`, shaped as seed 001's example.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/errorhandlingmd
 */
import type { KjError } from '../kj-error.js'

export const ERROR_CODE_SYSTEM_BASE = 'http://nhn.no/hit/fhir/error/CodeSystem/'

export interface OutcomeContext {
  /** `v1` */
  readonly apiVersion: string
  /** A git hash in the real service, e.g. `8527aa3a`. */
  readonly applicationVersion: string
  /** `test1` in NHN's test environment. */
  readonly environment: string
  /** `critical-information` */
  readonly serviceName: string
}

export interface Coding {
  readonly system: string
  readonly code: string
}

export interface OutcomeIssue {
  readonly severity: 'fatal' | 'error' | 'warning' | 'information'
  readonly code: string
  readonly diagnostics: string
  readonly location?: readonly string[]
  readonly details: { readonly coding: readonly Coding[] }
}

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome'
  readonly id: string
  readonly issue: readonly OutcomeIssue[]
}

/** Body errors whose FHIR issue type is more specific than `invalid`. */
const ISSUE_TYPE_BY_CODE: Readonly<Record<string, string>> = {
  'KI-0014': 'invariant', // a field breaks the profile, as in seed 001's example
  'KI-0016': 'business-rule',
  'KJF-000233': 'structure',
  'KJF-000018': 'structure'
}

/**
 * The issue type (http://hl7.org/fhir/issue-type) for an error answered with `status`: by code
 * where one is known, else by status class.
 */
export function issueTypeOf (err: KjError, status: number = err.statusCode): string {
  if (status === 410) return 'deleted'
  const byCode = ISSUE_TYPE_BY_CODE[err.code]
  if (byCode !== undefined) return byCode
  if (status === 401) return 'security'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 413) return 'too-long'
  if (status === 409 || status === 412) return 'conflict'
  if (status === 405 || status === 415 || status === 501) return 'not-supported'
  if (status === 503) return 'transient'
  if (status >= 500) return 'exception'
  if (status >= 400) return 'invalid'
  return 'processing'
}

/**
 * @param status the HTTP status the response goes out with, when it is not the code's own
 *   (410 for a GET on a deleted record).
 */
export function operationOutcome (err: KjError, eventId: string, context: OutcomeContext, status: number = err.statusCode): OperationOutcome {
  const coding = (name: string, code: string): Coding => ({ system: `${ERROR_CODE_SYSTEM_BASE}${name}`, code })
  return {
    resourceType: 'OperationOutcome',
    id: eventId,
    issue: [{
      // Seed 001's only example is a 400 (KI-0014) sent as `fatal`: the real service marks every
      // error fatal, so the sandbox does too rather than guess at a 4xx/5xx split.
      severity: 'fatal',
      code: issueTypeOf(err, status),
      diagnostics: err.diagnostics ?? err.entry.text,
      // "It may be empty": omitted then, as FHIR JSON allows no empty arrays.
      ...(err.location !== undefined && err.location.length > 0 && { location: [...err.location] }),
      details: {
        coding: [
          coding('ErrorCode', err.code),
          coding('ErrorCodeKjLegacy', err.entry.legacyCode),
          coding('ApiVersion', context.apiVersion),
          coding('ApplicationVersion', context.applicationVersion),
          coding('Environment', context.environment),
          coding('ServiceName', context.serviceName)
        ]
      }
    }]
  }
}
