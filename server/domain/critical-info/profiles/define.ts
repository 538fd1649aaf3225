/**
 * Assembles a ProfileDefinition from what is particular to one profile (its category test,
 * content rules, identity) and what all share (meta.profile, patient, status, notes, local
 * references, the filtered view of a deleted record).
 */
import type { CriticalInfoType, FhirResource, KjResourceType, ProfileDefinition, ProfileName, ValidationIssue } from '../types.js'
import { checkLocalReferences, checkMetaProfile, checkNotes, checkPatientReference, issue } from './checks.js'
import { PROFILE_RESOURCE_TYPES, declaredProfiles, profileUrl } from './shared.js'
import type { StatusModel } from './status-model.js'

export interface ProfileSpec {
  readonly name: ProfileName
  readonly resourceType: KjResourceType
  readonly kategori: string
  readonly criticalInfoTypes: readonly CriticalInfoType[]
  /** `patient` for AllergyIntolerance, `subject` for the rest. */
  readonly patientElement: 'patient' | 'subject'
  readonly status: StatusModel
  /** True when the content (category/code) makes a resource of the right type this profile's. */
  matchesContent(resource: FhirResource): boolean
  criticalInfoTypeOf(resource: FhirResource): CriticalInfoType | undefined
  /** The profile's own rules: category, code and the like. */
  validateContent(resource: FhirResource): ValidationIssue[]
  identityOf(resource: FhirResource): unknown
}

/** What a deleted record still shows besides its status and patient. */
const KEPT_WHEN_DELETED = ['resourceType', 'id', 'meta', 'category'] as const

export function defineProfile (spec: ProfileSpec): ProfileDefinition {
  const url = profileUrl(spec.name)
  const siblingUrls = (Object.keys(PROFILE_RESOURCE_TYPES) as ProfileName[])
    .filter((n) => n !== spec.name && PROFILE_RESOURCE_TYPES[n] === spec.resourceType)
    .map(profileUrl)

  return {
    name: spec.name,
    url,
    resourceType: spec.resourceType,
    kategori: spec.kategori,
    criticalInfoTypes: spec.criticalInfoTypes,
    matches (resource) {
      if (resource.resourceType !== spec.resourceType) return false
      const declared = declaredProfiles(resource)
      if (declared.includes(url)) return true
      // A resource that names a sibling profile is that profile's, whatever its category says.
      return !declared.some((p) => siblingUrls.includes(p)) && spec.matchesContent(resource)
    },
    criticalInfoTypeOf: (resource) => spec.criticalInfoTypeOf(resource),
    validate (resource) {
      if (resource.resourceType !== spec.resourceType) {
        return [issue(String(resource.resourceType), `Invalid resource type - ${spec.name} constrains ${spec.resourceType}`)]
      }
      return [
        ...checkMetaProfile(resource, url),
        ...checkPatientReference(resource, spec.patientElement),
        ...spec.validateContent(resource),
        ...spec.status.validate(resource),
        ...checkNotes(resource),
        ...checkLocalReferences(resource)
      ]
    },
    isActive: (resource) => spec.status.isActive(resource),
    isDeleted: (resource) => spec.status.isDeleted(resource),
    markDeleted: (resource) => spec.status.markDeleted(resource),
    identityOf: (resource) => spec.identityOf(resource),
    filterDeleted (resource) {
      const kept = [...KEPT_WHEN_DELETED, ...spec.status.elements, spec.patientElement]
      const filtered: FhirResource = { resourceType: resource.resourceType }
      for (const key of kept) {
        if (resource[key] !== undefined) filtered[key] = structuredClone(resource[key])
      }
      return filtered
    }
  }
}
