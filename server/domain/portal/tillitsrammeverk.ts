/**
 * Kjernejournal Innlogging's demand on the token's trust-framework part: the scope
 * `nhn:kjernejournal/tillitsrammeverk` ("Påkrevd: Ja" on the Innlogging client page), and, when
 * INNLOGGING_REQUIRE_ATTEST is on, the attest itself in `authorization_details`. Whether the real
 * service checks the attest at session creation is not documented (docs/assumptions.md).
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal-portal/innlogging/innlogging/docs/helseidklientmd/
 */
import type { JWTPayload } from 'jose'
import { KjError } from '../kj-error.js'
import { TILLITSRAMMEVERK_TYPE } from '../helseid/test-token/tillitsrammeverk.js'

export const TILLITSRAMMEVERK_SCOPE = 'nhn:kjernejournal/tillitsrammeverk'

function scopesOf (payload: JWTPayload): string[] {
  const scope = payload.scope
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string')
  return typeof scope === 'string' ? scope.split(' ') : []
}

/** The token carries the attest (authorization_details of the tillitsrammeverk type). */
export function hasTillitsrammeverkAttest (payload: JWTPayload): boolean {
  const details = payload.authorization_details
  const entries: unknown[] = Array.isArray(details) ? details : details === undefined ? [] : [details]
  return entries.some((e) => typeof e === 'object' && e !== null && (e as Record<string, unknown>).type === TILLITSRAMMEVERK_TYPE)
}

export function checkTillitsrammeverk (payload: JWTPayload, requireAttest: boolean): void {
  if (!scopesOf(payload).includes(TILLITSRAMMEVERK_SCOPE)) {
    throw new KjError('KJF-000197', `the token has no scope ${TILLITSRAMMEVERK_SCOPE}; Kjernejournal Innlogging requires it (ask HelseID for it at login)`)
  }
  if (requireAttest && !hasTillitsrammeverkAttest(payload)) {
    throw new KjError('KJF-000218', `the token carries no tillitsrammeverk attest (authorization_details of type ${TILLITSRAMMEVERK_TYPE}); send it in the client assertion of a refresh when the patient is chosen (INNLOGGING_REQUIRE_ATTEST is on)`)
  }
}
