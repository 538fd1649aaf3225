/**
 * The category test and rule shared by the profiles that carry a KJ category coding in a
 * `category` element (Condition, Procedure, Flag, Consent): exactly one category coding, with
 * one of the profile's codes. A coding is a category coding by its code (3-11) under any system
 * or none: NHN does not publish the system's URL (leniency `category-coding-system`).
 */
import type { LeniencyNote } from '../leniency-notes.js'
import type { FhirResource, ValidationIssue } from '../types.js'
import { CATEGORY_CODES, GUESSED_CATEGORY_SYSTEM, isCategoryCode, type CategoryCode } from './categories.js'
import { MISSING, invalidCode, issue } from './checks.js'
import { codingsOf, conceptIdentity, isObject } from './shared.js'

/** The category element as a list of CodeableConcepts (Procedure has one, the others many). */
function categoryConcepts (resource: FhirResource): unknown[] {
  const category = resource.category
  if (category === undefined) return []
  return Array.isArray(category) ? category : [category]
}

/** The KJ category codes of a resource, in order. */
export function kjCategoryCodes (resource: FhirResource): string[] {
  return categoryConcepts(resource).flatMap((c) => codingsOf(c).map((x) => x.code).filter(isCategoryCode))
}

export function kjCategoryOf (resource: FhirResource): string | undefined {
  return kjCategoryCodes(resource)[0]
}

export function hasKjCategory (resource: FhirResource, codes: readonly CategoryCode[]): boolean {
  return kjCategoryCodes(resource).some((c) => (codes as readonly string[]).includes(c))
}

export function validateKjCategory (resource: FhirResource, codes: readonly CategoryCode[], single: boolean): ValidationIssue[] {
  const location = `${resource.resourceType}.category`
  const category = resource.category
  if (category === undefined) return [issue(location, MISSING)]
  if (single ? !isObject(category) : !Array.isArray(category) || !category.every(isObject)) {
    return [issue(location, `Invalid element content - expected ${single ? 'a CodeableConcept' : 'an array of CodeableConcepts'}`)]
  }
  const found = kjCategoryCodes(resource)
  if (found.length === 0) return [issue(location, `${MISSING} - a critical-information category coding (code ${CATEGORY_CODES[0]}-${String(CATEGORY_CODES.at(-1))})`)]
  if (found.length > 1) return [issue(location, 'Invalid element content - more than one critical-information category')]
  return (codes as readonly string[]).includes(found[0] as string) ? [] : [issue(location, invalidCode(found[0], codes))]
}

/** The category as identity: each concept's codings, sorted (category codes without their system, see conceptIdentity). */
export function categoryIdentity (resource: FhirResource): unknown {
  return categoryConcepts(resource).map(conceptIdentity).map((c) => JSON.stringify(c)).sort().map((c) => JSON.parse(c) as unknown)
}

/**
 * A note when the resource's category coding relies on the system not being checked: no system,
 * the sandbox's guess, or any system but a `confirmed` one (CATEGORY_SYSTEM, when the operator
 * set it to something other than the guess).
 */
export function categorySystemNote (resource: FhirResource, confirmed?: string): LeniencyNote | undefined {
  const coding = categoryConcepts(resource).flatMap((c) => codingsOf(c)).find((x) => isCategoryCode(x.code))
  if (coding === undefined) return undefined
  const { system, code } = coding
  if (system !== undefined && system === confirmed && confirmed !== GUESSED_CATEGORY_SYSTEM) return undefined
  const under = system === undefined ? 'no system' : system === GUESSED_CATEGORY_SYSTEM ? `the sandbox's guessed system ${system}` : `the system ${system}, which NHN has not published`
  return { leniency: 'category-coding-system', did: `${resource.resourceType}.category coding ${String(code)} under ${under}` }
}
