/**
 * The eight Kjernejournal critical-information profiles (Simplifier project kjernejournalr4,
 * reference §2.5), in category order, and how to find the one a resource belongs to.
 */
import type { CriticalInfoType, FhirResource, ProfileDefinition, ProfileName } from '../types.js'
import { kjAllergyIntolerance } from './allergy-intolerance.js'
import {
  kjConditionComplicationsOfAnesthesia, kjConditionCriticalMedicalCondition, kjConditionInfection,
  kjConditionTransplantsAndOtherForeignBodies
} from './conditions.js'
import { kjDeviceUseStatement } from './device-use-statement.js'
import { kjFlag } from './flag.js'
import { kjProcedure } from './procedure.js'
import { declaredProfiles } from './shared.js'

export const PROFILES: readonly ProfileDefinition[] = [
  kjAllergyIntolerance,
  kjConditionComplicationsOfAnesthesia,
  kjConditionCriticalMedicalCondition,
  kjProcedure,
  kjConditionTransplantsAndOtherForeignBodies,
  kjDeviceUseStatement,
  kjFlag,
  kjConditionInfection
]

export function profileByName (name: ProfileName): ProfileDefinition
export function profileByName (name: string): ProfileDefinition | undefined
export function profileByName (name: string): ProfileDefinition | undefined {
  return PROFILES.find((p) => p.name === name)
}

/**
 * The profile of a resource: the one its meta.profile names (of the same resource type), else
 * the one its type and category/code select. A canonical of another type's profile is ignored
 * here, so validation can report it against the profile the content selects.
 */
export function profileFor (resource: FhirResource): ProfileDefinition | undefined {
  const declared = declaredProfiles(resource)
  return PROFILES.find((p) => p.resourceType === resource.resourceType && declared.includes(p.url)) ??
    PROFILES.find((p) => p.matches(resource))
}

export function profilesForInfoType (type: CriticalInfoType): ProfileDefinition[] {
  return PROFILES.filter((p) => p.criticalInfoTypes.includes(type))
}

export { CATEGORY_SYSTEM, CATEGORY_DISPLAY, categoryConcept, type CategoryCode } from './categories.js'
export { NOTE_MAX_LENGTH } from './checks.js'
export { ALLERGY_CLINICAL_SYSTEM, ALLERGY_VERIFICATION_SYSTEM } from './allergy-intolerance.js'
export { CONDITION_CLINICAL_SYSTEM, CONDITION_VERIFICATION_SYSTEM } from './conditions.js'
export { DEVICE_PROFILE } from './device-use-statement.js'
