/**
 * How a profile encodes whether a record is active, refuted or deleted (reference §2.5, "Status
 * encoding"): a pair of CodeableConcepts (AllergyIntolerance, Condition) or one `status` code
 * (Procedure, DeviceUseStatement, Flag). Each encoding is a StatusModel, so the profile
 * definitions need not know which one they have.
 */
import type { FhirResource, ValidationIssue } from '../types.js'

export const ENTERED_IN_ERROR = 'entered-in-error'

export interface StatusModel {
  /** The elements that hold the status; a deleted record keeps them when read. */
  readonly elements: readonly string[]
  validate(resource: FhirResource): ValidationIssue[]
  isActive(resource: FhirResource): boolean
  isDeleted(resource: FhirResource): boolean
  /** A copy marked entered-in-error; the input is left as it was. */
  markDeleted(resource: FhirResource): FhirResource
}
