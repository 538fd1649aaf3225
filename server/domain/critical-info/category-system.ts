/**
 * Answers carry the configured category system (CATEGORY_SYSTEM), not the sandbox's guess, so
 * the guess can be replaced by the real URL once NHN publishes it, or left out, without touching
 * stored records. Only codings that carry the guess are rewritten: a system an EHR wrote itself
 * comes back as written. Identity ignores a category coding's system (shared.ts), so writing
 * back what was read is no change of category.
 */
import { GUESSED_CATEGORY_SYSTEM, isCategoryCode } from './profiles/categories.js'
import { isObject } from './profiles/shared.js'
import type { FhirResource } from './types.js'

/** The elements whose codings may be a category coding: the category, and a code that repeats it. */
const ELEMENTS = ['category', 'code'] as const

export function withCategorySystem (resource: FhirResource, system: string): FhirResource {
  if (system === GUESSED_CATEGORY_SYSTEM) return resource
  const copy = structuredClone(resource)
  for (const element of ELEMENTS) {
    const value = copy[element]
    for (const concept of Array.isArray(value) ? value : [value]) {
      const codings = isObject(concept) && Array.isArray(concept.coding) ? concept.coding : []
      for (const coding of codings) {
        if (!isObject(coding) || coding.system !== GUESSED_CATEGORY_SYSTEM || !isCategoryCode(coding.code)) continue
        if (system === '') delete coding.system
        else coding.system = system
      }
    }
  }
  return copy
}
