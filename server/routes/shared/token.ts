/**
 * The HelseID access token a Kjernejournal API call carries (DPoP-bound or Bearer), verified
 * for the API it is sent to. Shared by the REST face, both FHIR faces and the Innlogging API,
 * which differ only in the audience and scope they want.
 */
import type { FastifyRequest } from 'fastify'
import { verifyKjToken, type KjToken } from '../../domain/kjernejournal/access-token.js'
import { withoutQuery } from '../../domain/url-path.js'
import { clientJwtNow } from './client-jwt-now.js'

/** The API a token must be for: Kjernejournal's by default, or the critical-information API. */
export interface TokenAudience {
  readonly audience: string
  readonly scope: string
}

export const KJERNEJOURNAL_API: TokenAudience = { audience: 'nhn:kjernejournal', scope: 'nhn:kjernejournal/api' }

/**
 * `requireDpop` overrides REQUIRE_DPOP for APIs that only ever took DPoP (Kjernejournal Innlogging);
 * `refuseBoundBearer` refuses a DPoP-bound token sent as Bearer (the critical-information API).
 */
export async function requireToken (request: FastifyRequest, api: TokenAudience = KJERNEJOURNAL_API, options: { requireDpop?: boolean, refuseBoundBearer?: boolean } = {}): Promise<KjToken> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  return verifyKjToken(request.headers.authorization, {
    verify: sandbox.verifiedTokens,
    issuer: request.issuer,
    audience: api.audience,
    scope: api.scope,
    now: session.clock.epochSeconds(),
    maxLifetime: sandbox.config.KJ_MAX_TOKEN_LIFETIME,
    requireDpop: options.requireDpop ?? sandbox.config.REQUIRE_DPOP,
    refuseBoundBearer: options.refuseBoundBearer ?? false,
    proof: { maxAge: sandbox.config.DPOP_PROOF_MAX_AGE, skew: sandbox.config.DPOP_CLOCK_SKEW, strictHtu: sandbox.config.DPOP_STRICT_HTU },
    request: {
      method: request.method,
      url: `${request.issuer}${withoutQuery(request.url)}`,
      ...(request.headers.dpop !== undefined && { dpop: request.headers.dpop }),
      proofNow: clientJwtNow(request)
    },
    replay: session.dpopJtis
  })
}
