/**
 * Validation rules every Kj profile shares. Messages follow the wording of the one published
 * example ("Invalid element content - max: 500" at `Condition.note`, seed 001); locations are
 * FHIRPath-like element paths, as OperationOutcome.issue.location carries them.
 */
import { NIN_SYSTEM, PROFILE_BASE, type FhirResource, type ValidationIssue } from '../types.js'
import { isCategoryCode } from './categories.js'
import { arrayAt, codingsOf, declaredProfiles, isObject, objectAt, stringAt } from './shared.js'

/** The longest note text the API accepts (seed 001's example). */
export const NOTE_MAX_LENGTH = 500

export const MISSING = 'Missing required element'

export function issue (location: string, message: string): ValidationIssue {
  return { location, message }
}

export function invalidCode (value: unknown, allowed: readonly string[]): string {
  return `Invalid code '${typeof value === 'string' ? value : JSON.stringify(value)}' - allowed: ${allowed.join(', ')}`
}

/** meta.profile may name this profile or non-Kj profiles, never another Kj profile. */
export function checkMetaProfile (resource: FhirResource, ownUrl: string): ValidationIssue[] {
  const location = `${resource.resourceType}.meta.profile`
  const meta = resource.meta as unknown
  if (meta !== undefined && !isObject(meta)) return [issue(`${resource.resourceType}.meta`, 'Invalid element content - expected an object')]
  const raw = (meta as { profile?: unknown } | undefined)?.profile
  if (raw === undefined) return []
  if (!Array.isArray(raw) || raw.some((p) => typeof p !== 'string')) return [issue(location, 'Invalid element content - expected an array of canonical URLs')]
  const other = declaredProfiles(resource).find((p) => p.startsWith(PROFILE_BASE) && p !== ownUrl)
  return other !== undefined ? [issue(location, `Profile ${other} does not apply to this resource - expected ${ownUrl}`)] : []
}

/** The patient, by national identity number: `{ identifier: { system: NIN_SYSTEM, value } }`. */
export function checkPatientReference (resource: FhirResource, element: 'patient' | 'subject'): ValidationIssue[] {
  const location = `${resource.resourceType}.${element}`
  const ref = resource[element]
  if (ref === undefined) return [issue(location, MISSING)]
  if (!isObject(ref)) return [issue(location, 'Invalid element content - expected a Reference')]
  const identifier = objectAt(ref, 'identifier')
  if (identifier === undefined) return [issue(`${location}.identifier`, `${MISSING} - the patient is referenced by national identity number`)]
  const system = stringAt(identifier, 'system')
  if (system !== NIN_SYSTEM) return [issue(`${location}.identifier.system`, `Invalid identifier system '${String(system)}' - expected ${NIN_SYSTEM}`)]
  const value = stringAt(identifier, 'value')
  if (value === undefined || !/^\d{11}$/.test(value)) return [issue(`${location}.identifier.value`, 'Invalid national identity number - expected 11 digits')]
  return []
}

/** Every note needs a text, and none may be longer than NOTE_MAX_LENGTH. */
export function checkNotes (resource: FhirResource): ValidationIssue[] {
  const location = `${resource.resourceType}.note`
  const notes = resource.note
  if (notes === undefined) return []
  if (!Array.isArray(notes)) return [issue(location, 'Invalid element content - expected an array')]
  if (notes.some((n) => typeof stringAt(n, 'text') !== 'string')) return [issue(`${location}.text`, MISSING)]
  if (notes.some((n) => (stringAt(n, 'text') as string).length > NOTE_MAX_LENGTH)) return [issue(location, `Invalid element content - max: ${NOTE_MAX_LENGTH}`)]
  return []
}

/**
 * A required CodeableConcept: at least one coding with system and code, or a text. Codings
 * without a system or code are wrong even next to good ones.
 */
export function checkConcept (resource: FhirResource, element: string): ValidationIssue[] {
  const location = `${resource.resourceType}.${element}`
  const concept = resource[element]
  if (concept === undefined) return [issue(location, MISSING)]
  if (!isObject(concept)) return [issue(location, 'Invalid element content - expected a CodeableConcept')]
  const codings = codingsOf(concept)
  if (codings.some((c) => c.system === undefined || c.code === undefined)) return [issue(`${location}.coding`, 'Invalid element content - a coding needs both system and code')]
  const text = stringAt(concept, 'text')
  if (codings.length === 0 && (text === undefined || text.trim() === '')) return [issue(location, `${MISSING} - code.coding or code.text`)]
  return []
}

/**
 * Where code repeats the category (the published "code same as category" convention), the
 * code's category coding must be the record's own category.
 */
export function checkCodeRepeatsCategory (resource: FhirResource, category: string | undefined): ValidationIssue[] {
  // A category coding is told by its code, under any system (see category-coded.ts).
  const repeated = codingsOf(resource.code).find((c) => isCategoryCode(c.code))
  if (repeated === undefined || category === undefined || repeated.code === category) return []
  return [issue(`${resource.resourceType}.code`, `Invalid code '${String(repeated.code)}' - the code must repeat the category (${category})`)]
}

/**
 * Local references (`#recorderRef`, `#device`) on the resource's own elements must name a
 * contained resource, as the contained PractitionerRole convention relies on.
 */
export function checkLocalReferences (resource: FhirResource): ValidationIssue[] {
  const ids = new Set(arrayAt(resource, 'contained').map((c) => stringAt(c, 'id')))
  const issues: ValidationIssue[] = []
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'contained') continue
    for (const ref of Array.isArray(value) ? value : [value]) {
      const reference = stringAt(ref, 'reference')
      if (reference?.startsWith('#') === true && !ids.has(reference.slice(1))) {
        issues.push(issue(`${resource.resourceType}.${key}`, `Reference '${reference}' does not resolve to a contained resource`))
      }
    }
  }
  return issues
}
