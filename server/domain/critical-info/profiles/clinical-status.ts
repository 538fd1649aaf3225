/**
 * The clinicalStatus + verificationStatus pair of AllergyIntolerance and Condition. KJ reduces
 * clinicalStatus to active/inactive and ties it to the verification: "Inactive if refuted or
 * entered-in-error, otherwise active" (reference §2.5), so a record with the wrong pairing is
 * invalid rather than half active.
 */
import type { FhirResource, ValidationIssue } from '../types.js'
import { MISSING, invalidCode, issue } from './checks.js'
import { codeFrom, copyOf, isObject } from './shared.js'
import { ENTERED_IN_ERROR, type StatusModel } from './status-model.js'

/** HL7's display of each code, written when the sandbox itself sets a status. */
const DISPLAY: Readonly<Record<string, string>> = {
  active: 'Active',
  inactive: 'Inactive',
  unconfirmed: 'Unconfirmed',
  confirmed: 'Confirmed',
  refuted: 'Refuted',
  'entered-in-error': 'Entered in Error'
}

const CLINICAL_CODES = ['active', 'inactive'] as const
/** The verification codes under which a record no longer counts. */
const INACTIVE_VERIFICATIONS: readonly string[] = ['refuted', ENTERED_IN_ERROR]

export interface ClinicalStatusOptions {
  readonly clinicalSystem: string
  readonly verificationSystem: string
  readonly verificationCodes: readonly string[]
}

export function statusConcept (system: string, code: string): { coding: Array<{ system: string, code: string, display: string }> } {
  return { coding: [{ system, code, display: DISPLAY[code] ?? code }] }
}

export function clinicalStatusModel (options: ClinicalStatusOptions): StatusModel {
  const { clinicalSystem, verificationSystem, verificationCodes } = options

  function check (resource: FhirResource, element: string, system: string, allowed: readonly string[]): ValidationIssue[] {
    const location = `${resource.resourceType}.${element}`
    const concept = resource[element]
    if (concept === undefined) return [issue(location, MISSING)]
    if (!isObject(concept)) return [issue(location, 'Invalid element content - expected a CodeableConcept')]
    const code = codeFrom(concept, system)
    if (code === undefined) return [issue(location, `${MISSING} - a coding from ${system}`)]
    return allowed.includes(code) ? [] : [issue(location, invalidCode(code, allowed))]
  }

  return {
    elements: ['clinicalStatus', 'verificationStatus'],
    validate (resource) {
      const issues = [
        ...check(resource, 'clinicalStatus', clinicalSystem, CLINICAL_CODES),
        ...check(resource, 'verificationStatus', verificationSystem, verificationCodes)
      ]
      if (issues.length > 0) return issues
      const clinical = codeFrom(resource.clinicalStatus, clinicalSystem) as string
      const verification = codeFrom(resource.verificationStatus, verificationSystem) as string
      const expected = INACTIVE_VERIFICATIONS.includes(verification) ? 'inactive' : 'active'
      return clinical === expected
        ? []
        : [issue(`${resource.resourceType}.clinicalStatus`, `Invalid code '${clinical}' - must be '${expected}' when verificationStatus is '${verification}'`)]
    },
    isActive (resource) {
      const verification = codeFrom(resource.verificationStatus, verificationSystem)
      return codeFrom(resource.clinicalStatus, clinicalSystem) === 'active' &&
        !INACTIVE_VERIFICATIONS.includes(verification ?? '')
    },
    isDeleted (resource) {
      return codeFrom(resource.verificationStatus, verificationSystem) === ENTERED_IN_ERROR
    },
    markDeleted (resource) {
      const copy = copyOf(resource)
      copy.clinicalStatus = statusConcept(clinicalSystem, 'inactive')
      copy.verificationStatus = statusConcept(verificationSystem, ENTERED_IN_ERROR)
      return copy
    }
  }
}
