/**
 * Which organisation a token speaks for, and whether Kjernejournal lets it in. The point of care
 * (orgnr_child) is looked up first, then the legal entity (orgnr_parent): an agreement may be
 * registered on either.
 */
import { KjError } from '../kj-error.js'
import type { Organisation } from '../world/organisations.js'
import type { KjToken } from './access-token.js'

export function authoriseOrganisation (token: KjToken, organisations: ReadonlyMap<string, Organisation>): Organisation {
  const candidates = [token.orgnrChild, token.orgnrParent].filter((o): o is string => o !== undefined)
  const found = candidates.map((o) => organisations.get(o)).find((o) => o !== undefined)
  if (found === undefined) throw new KjError('KJF-000226', `organisation ${candidates.join(' / ')} is unknown to Kjernejournal`)
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
