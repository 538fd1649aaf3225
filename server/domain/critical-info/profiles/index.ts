/**
 * The ten Kjernejournal critical-information profiles (Simplifier project kjernejournalr4,
 * reference §2.5, the KjConsent pages), in category order, and how to find the one a resource
 * belongs to. KjConsentBehandlingsavklaring is here even where it is not served: whether it is
 * is the service's decision (consent-rules.ts), so a category-11 Consent is recognised and
 * refused with a reason rather than matching nothing.
 */
import type { CriticalInfoType, FhirResource, ProfileDefinition, ProfileName } from '../types.js'
import { kjAllergyIntolerance } from './allergy-intolerance.js'
import {
  kjConditionComplicationsOfAnesthesia, kjConditionCriticalMedicalCondition, kjConditionInfection,
  kjConditionTransplantsAndOtherForeignBodies
} from './conditions.js'
import { kjConsent, kjConsentBehandlingsavklaring } from './consent.js'
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
  kjConsent,
  kjFlag,
  kjConditionInfection,
  kjConsentBehandlingsavklaring
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

export { GUESSED_CATEGORY_SYSTEM, CATEGORY_DISPLAY, categoryConcept, type CategoryCode } from './categories.js'
export { NOTE_MAX_LENGTH } from './checks.js'
export { ALLERGY_CLINICAL_SYSTEM, ALLERGY_VERIFICATION_SYSTEM } from './allergy-intolerance.js'
export { CONDITION_CLINICAL_SYSTEM, CONDITION_VERIFICATION_SYSTEM } from './conditions.js'
export { DEVICE_PROFILE } from './device-use-statement.js'
export { KJ_TEXT_URL, VALID_UNTIL_URL, validUntilOf } from './consent.js'
