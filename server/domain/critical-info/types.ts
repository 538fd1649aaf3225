/**
 * The shapes shared by the critical-information store, its profiles and both FHIR faces.
 * Resources stay plain JSON (FHIR R4); the profile definitions know what each Kj profile means.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/
 */

export type KjResourceType = 'AllergyIntolerance' | 'Condition' | 'Procedure' | 'Flag' | 'DeviceUseStatement' | 'Consent'

export const KJ_RESOURCE_TYPES: readonly KjResourceType[] = ['AllergyIntolerance', 'Condition', 'Procedure', 'Flag', 'DeviceUseStatement', 'Consent']

/** The `criticalInfoType` search values the API documents. */
export type CriticalInfoType =
  | 'DrugReaction' | 'OtherAllergen' | 'CriticalMedicalCondition' | 'Infection'
  | 'IntubationProblem' | 'OtherProblemWithAnesthesia' | 'TransplantsAndOtherForeignBodies'

export const CRITICAL_INFO_TYPES: readonly CriticalInfoType[] = [
  'DrugReaction', 'OtherAllergen', 'CriticalMedicalCondition', 'Infection',
  'IntubationProblem', 'OtherProblemWithAnesthesia', 'TransplantsAndOtherForeignBodies'
]

export type ProfileName =
  | 'KjAllergyIntolerance' | 'KjConditionCriticalMedicalCondition' | 'KjConditionComplicationsOfAnesthesia'
  | 'KjConditionInfection' | 'KjConditionTransplantsAndOtherForeignBodies' | 'KjProcedure' | 'KjFlag' | 'KjDeviceUseStatement'
  | 'KjConsent' | 'KjConsentBehandlingsavklaring'

export const PROFILE_BASE = 'http://nhn.no/kj/fhir/StructureDefinition/'

/** OID of Norwegian national identity numbers, the identifier system of patient references. */
export const NIN_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1'

export interface FhirMeta {
  versionId?: string
  lastUpdated?: string
  profile?: string[]
  [key: string]: unknown
}

/** A FHIR R4 resource as JSON. */
export interface FhirResource {
  resourceType: string
  id?: string
  meta?: FhirMeta
  [key: string]: unknown
}

/** One problem found in a resource: a message and the FHIRPath-like location (e.g. `Condition.note`). */
export interface ValidationIssue {
  readonly message: string
  readonly location: string
}

export interface ProfileDefinition {
  readonly name: ProfileName
  /** Canonical URL: PROFILE_BASE + name. */
  readonly url: string
  readonly resourceType: KjResourceType
  /** The helseindikator category (`sistEndretKritiskInfo[].kategori`) this profile's records count under. */
  readonly kategori: string
  /** The `criticalInfoType` values that select this profile's records. */
  readonly criticalInfoTypes: readonly CriticalInfoType[]
  /** True when the resource is of this profile (by meta.profile, else by its category/code). */
  matches(resource: FhirResource): boolean
  /** The criticalInfoType of one record of this profile (e.g. DrugReaction vs OtherAllergen). */
  criticalInfoTypeOf(resource: FhirResource): CriticalInfoType | undefined
  /** Everything wrong with the resource for this profile; empty when it is valid. */
  validate(resource: FhirResource): ValidationIssue[]
  /** True unless the record is refuted, inactive or entered-in-error. */
  isActive(resource: FhirResource): boolean
  isDeleted(resource: FhirResource): boolean
  /** A copy marked entered-in-error (soft delete), as the API does on DELETE. */
  markDeleted(resource: FhirResource): FhirResource
  /** What may never change between versions: the category and the code (compared as JSON). */
  identityOf(resource: FhirResource): unknown
  /** What is left of a deleted record when read: "the API will filter away most of the data". */
  filterDeleted(resource: FhirResource): FhirResource
}

/** The element a resource names its patient in: `patient` (AllergyIntolerance, Consent) or `subject` (the rest). */
export function patientElementOf (resourceType: string): 'patient' | 'subject' {
  return resourceType === 'AllergyIntolerance' || resourceType === 'Consent' ? 'patient' : 'subject'
}

export function patientNinOf (resource: FhirResource): string | undefined {
  const ref = resource[patientElementOf(resource.resourceType)] as
    { identifier?: { system?: string, value?: unknown } } | undefined
  const value = ref?.identifier?.value
  return typeof value === 'string' ? value : undefined
}
