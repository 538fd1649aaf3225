/**
 * "Now" for JWTs that clients make (client assertions, DPoP proofs), by the clock the settings
 * name (CLIENT_JWT_CLOCK, see docs/assumptions.md). Shared by HelseID, the Kjernejournal faces
 * and the admin token helper, which all judge such proofs.
 */
import type { FastifyRequest } from 'fastify'

/** Seconds, by the clock that judges client-made JWTs. */
export function clientJwtNow (request: FastifyRequest): number {
  return request.sandboxSession.clock.clientJwtSeconds(request.server.sandbox.config.CLIENT_JWT_CLOCK)
}
