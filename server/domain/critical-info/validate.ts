/**
 * Turns a request body into a Kj resource and its profile, or the error the API answers with:
 * KI-0007 when the body is no resource of the expected type or of no Kj profile, KI-0014 for
 * the first field the profile finds invalid (the API reports one issue, with its location).
 */
import { KjError } from '../kj-error.js'
import type { LeniencyNote } from './leniency-notes.js'
import { categorySystemNote } from './profiles/category-coded.js'
import { consentCodingNote } from './profiles/consent.js'
import { profileFor } from './profiles/index.js'
import type { FhirResource, KjResourceType, ProfileDefinition } from './types.js'

export interface ParsedResource {
  readonly resource: FhirResource
  readonly profile: ProfileDefinition
  /** Where the resource passed only because a rule is lenient (readiness findings). */
  readonly notes: readonly LeniencyNote[]
}

/**
 * Every reason the API would refuse `body` as a `expectedType`, as the errors it would answer
 * with (KI-0007 for no Kj resource; KI-0014 per profile issue, where a write reports only the
 * first): what `$validate` reports, so an EHR sees all of them at once. Empty when valid.
 */
export function validationErrors (body: unknown, expectedType: KjResourceType): KjError[] {
  let parsed: KjResource
  try {
    parsed = kjResource(body, expectedType)
  } catch (err) {
    if (err instanceof KjError) return [err]
    throw err
  }
  return parsed.profile.validate(parsed.resource).map((issue) => new KjError('KI-0014', issue.message, [issue.location]))
}

type KjResource = Omit<ParsedResource, 'notes'>

/** The resource and its profile, before the profile's own checks; KI-0007 when it is no Kj resource. */
function kjResource (body: unknown, expectedType?: KjResourceType): KjResource {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new KjError('KI-0007', 'the body must be a FHIR resource: a JSON object')
  }
  const { resourceType } = body as { resourceType?: unknown }
  if (typeof resourceType !== 'string' || resourceType === '') {
    throw new KjError('KI-0007', 'the body has no resourceType', ['resourceType'])
  }
  if (expectedType !== undefined && resourceType !== expectedType) {
    throw new KjError('KI-0007', `expected a ${expectedType}, got a ${resourceType}`, ['resourceType'])
  }
  const resource = body as FhirResource
  const profile = profileFor(resource)
  if (profile === undefined) {
    throw new KjError('KI-0007', `the ${resourceType} matches no Kjernejournal profile (by meta.profile or category)`)
  }
  return { resource, profile }
}

/**
 * The body is returned as it is, not copied: the caller owns it. `categorySystem` is the
 * configured CATEGORY_SYSTEM: a category coding under it is no note unless it is the guess.
 */
export function parseResource (body: unknown, expectedType?: KjResourceType, categorySystem?: string): ParsedResource {
  const { resource, profile } = kjResource(body, expectedType)
  const [first, ...more] = profile.validate(resource)
  if (first !== undefined) {
    const diagnostics = more.length > 0 ? `${first.message} (and ${more.length} more ${more.length === 1 ? 'issue' : 'issues'})` : first.message
    throw new KjError('KI-0014', diagnostics, [first.location])
  }
  const notes = [categorySystemNote(resource, categorySystem), consentCodingNote(resource)].filter((n): n is LeniencyNote => n !== undefined)
  return { resource, profile, notes }
}
