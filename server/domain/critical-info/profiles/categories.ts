/**
 * The Kjernejournal critical-information categories carried in a `category` element by
 * Condition, Procedure, Flag and Consent (reference §2.5; KjConsent pages, 2026). Codes 3-11 and
 * their names are published; the code system URL is not. So a category coding is recognised by
 * its code alone, under any system or none (leniency `category-coding-system`), and the system
 * the sandbox writes is CATEGORY_SYSTEM, a setting whose default is a guess [inferred]. Codes 1
 * and 2 would be the AllergyIntolerance sub-types, which use AllergyIntolerance.category instead.
 */

/**
 * The sandbox's guess at the category code system, written into the records it makes itself
 * (fixtures, samples) and rewritten to the configured CATEGORY_SYSTEM in every answer.
 */
export const GUESSED_CATEGORY_SYSTEM = 'http://nhn.no/kj/fhir/CodeSystem/CriticalInformationCategory'

export type CategoryCode = '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11'

export const CATEGORY_DISPLAY: Readonly<Record<CategoryCode, string>> = {
  3: 'Intubasjonsproblem',
  4: 'Annet problem ved anestesi',
  5: 'Kritisk medisinsk tilstand',
  6: 'Pågående behandling',
  7: 'Implantat',
  8: 'Avgrensning av livsforlengende behandling',
  9: 'Annen prosedyreendring',
  10: 'Smitte',
  11: 'HLR-minus og behandlingsavklaringer'
}

export const CATEGORY_CODES = Object.keys(CATEGORY_DISPLAY) as CategoryCode[]

export function isCategoryCode (code: unknown): code is CategoryCode {
  return typeof code === 'string' && Object.hasOwn(CATEGORY_DISPLAY, code)
}

/** A CodeableConcept holding one category coding, as the samples and a soft delete write it. */
export function categoryConcept (code: CategoryCode): { coding: Array<{ system: string, code: string, display: string }> } {
  return { coding: [{ system: GUESSED_CATEGORY_SYSTEM, code, display: CATEGORY_DISPLAY[code] }] }
}
