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
import { isSealed, seal } from '../fhir/sealed-json.js'

/** The elements whose codings may be a category coding: the category, and a code that repeats it. */
const ELEMENTS = ['category', 'code'] as const

function rewritten (resource: FhirResource, system: string): FhirResource {
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

/**
 * The answer form of each sealed (stored) version, for the system it was made for: a stored
 * version never changes, so neither does its answer form, and it is sealed in turn, so its JSON
 * is written once (domain/fhir/sealed-json.ts) as with the default system.
 */
const presented = new WeakMap<FhirResource, { readonly system: string, readonly copy: FhirResource }>()

export function withCategorySystem (resource: FhirResource, system: string): FhirResource {
  if (system === GUESSED_CATEGORY_SYSTEM) return resource
  if (!isSealed(resource)) return rewritten(resource, system)
  const kept = presented.get(resource)
  if (kept !== undefined && kept.system === system) return kept.copy
  const copy = seal(rewritten(resource, system))
  presented.set(resource, { system, copy })
  return copy
}
