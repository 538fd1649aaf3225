/**
 * The Kjernejournal critical-information categories carried by Condition, Procedure and Flag
 * (reference §2.5). Codes 3-7, 9 and 10 and their names are published; the code system URL is
 * not, so CATEGORY_SYSTEM is the sandbox's guess [inferred], as is code 8 (mechanical implant,
 * KjDeviceUseStatement). Codes 1 and 2 would be the AllergyIntolerance sub-types, which use
 * AllergyIntolerance.category instead.
 */
export const CATEGORY_SYSTEM = 'http://nhn.no/kj/fhir/CodeSystem/CriticalInformationCategory'

export type CategoryCode = '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10'

export const CATEGORY_DISPLAY: Readonly<Record<CategoryCode, string>> = {
  3: 'Intubasjonsproblem',
  4: 'Annet problem ved anestesi',
  5: 'Kritisk medisinsk tilstand',
  6: 'Pågående behandling',
  7: 'Implantat',
  8: 'Mekanisk implantat',
  9: 'Annen prosedyreendring',
  10: 'Smitte'
}

/** A CodeableConcept holding one category coding, as the samples and a soft delete write it. */
export function categoryConcept (code: CategoryCode): { coding: Array<{ system: string, code: string, display: string }> } {
  return { coding: [{ system: CATEGORY_SYSTEM, code, display: CATEGORY_DISPLAY[code] }] }
}
