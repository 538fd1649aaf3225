/**
 * Which organisation a token speaks for, and whether Kjernejournal lets it in. The authorised
 * organisation is the point of care (orgnr_child) when the token carries one, else the legal
 * entity (orgnr_parent): no falling back to the parent when the child is unknown, since HelseID
 * puts the child in only when the EHR names it, and then the EHR means that unit (see
 * docs/assumptions.md). An organisation unknown only to the sandbox gets the real answer plus a
 * hint saying how to register it.
 */
import { KjError } from '../kj-error.js'
import type { Organisation } from '../world/organisations.js'
import type { KjToken } from './access-token.js'

/** The one call that registers an organisation, for hints (ASCII, one line). */
export function registerOrganisationHint (orgnr: string): string {
  return `organisation ${orgnr} is unknown to this sandbox; register it: POST /__admin/organisations {"orgnr":"${orgnr}","name":"..."}`
}

export function authorisedOrgnr (token: Pick<KjToken, 'orgnrChild' | 'orgnrParent'>): string {
  return token.orgnrChild ?? token.orgnrParent
}

export function authoriseOrganisation (token: Pick<KjToken, 'orgnrChild' | 'orgnrParent'>, organisations: ReadonlyMap<string, Organisation>): Organisation {
  const orgnr = authorisedOrgnr(token)
  const found = organisations.get(orgnr)
  if (found === undefined) {
    const unit = token.orgnrChild !== undefined ? 'orgnr_child' : 'orgnr_parent'
    throw new KjError('KJF-000226', `organisation ${orgnr} (the token's ${unit}) is unknown to Kjernejournal`).withSandboxHint(registerOrganisationHint(orgnr))
  }
  if (!found.active) throw new KjError('KJF-000331', `organisation ${found.orgnr} (${found.name}) is not active`)
  if (!found.access) throw new KjError('KJF-000227', `organisation ${found.orgnr} (${found.name}) has no Kjernejournal agreement`)
  return found
}

/** X-EPJ-System: "which EHR system, and which version, the request originated from". */
export function checkEpjSystem (value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') throw new KjError('KJF-000353', 'name your EHR and its version, e.g. X-EPJ-System: ACME EHR 42.01')
  return text.trim()
}
