/**
 * The HelseID access token a Kjernejournal API call carries (DPoP-bound or Bearer), verified
 * for the API it is sent to. Shared by the REST face, both FHIR faces and the Innlogging API,
 * which differ only in the audience and scope they want.
 */
import type { FastifyRequest } from 'fastify'
import { NHN_API_PROOF_WINDOW, outsideProofWindow } from '../../domain/helseid/dpop.js'
import { verifyKjToken, type KjToken } from '../../domain/kjernejournal/access-token.js'
import { withoutQuery } from '../../domain/url-path.js'
import { clientJwtNow } from './client-jwt-now.js'
import { KjError } from '../../domain/kj-error.js'
import { lenient } from './leniency.js'

/** The API a token must be for: Kjernejournal's by default, or the critical-information API. */
export interface TokenAudience {
  readonly audience: string
  readonly scope: string
  /** The API's newest documentation requires DPoP: Bearer is a readiness finding (and refused when strict). */
  readonly dpopDocumented?: true
}

export const KJERNEJOURNAL_API: TokenAudience = { audience: 'nhn:kjernejournal', scope: 'nhn:kjernejournal/api' }

/**
 * `requireDpop` overrides REQUIRE_DPOP for APIs that only ever took DPoP (Kjernejournal Innlogging);
 * `athOptional` lets a proof leave out `ath` (Innlogging's end, by setting).
 * `refuseBoundBearer` refuses a DPoP-bound token sent as Bearer (the critical-information API).
 */
export async function requireToken (request: FastifyRequest, api: TokenAudience = KJERNEJOURNAL_API, options: { requireDpop?: boolean, athOptional?: boolean, refuseBoundBearer?: boolean } = {}): Promise<KjToken> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  const token = await verifyKjToken(request.headers.authorization, {
    verify: sandbox.verifiedTokens,
    issuers: request.issuers,
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
    replay: session.dpopJtis,
    athOptional: options.athOptional === true
  })
  if (token.scheme === 'bearer') bearerFindings(request, token, api)
  if (token.proof !== undefined) proofFindings(request, token.proof)
  return token
}

/**
 * A proof the settings let through that NHN's sample API would refuse (DPOP_PROOF_MAX_AGE or
 * DPOP_CLOCK_SKEW raised, DPOP_STRICT_HTU off) is a finding; strict refuses it as the defaults do.
 */
function proofFindings (request: FastifyRequest, proof: NonNullable<KjToken['proof']>): void {
  const { maxAge, skew } = NHN_API_PROOF_WINDOW
  const age = proof.age < 0 ? `made ${-proof.age} s in the future` : `${proof.age} s old`
  if (outsideProofWindow(proof.age, NHN_API_PROOF_WINDOW) && !lenient(request, 'dpop-proof-age', `the DPoP proof was ${age}; NHN's sample API takes ${maxAge} s (give or take ${skew})`)) {
    throw new KjError('KJF-000198', `DPoP proof iat must be within the last ${maxAge} seconds (give or take ${skew}); make a new proof for every request (strict profile)`)
  }
  if (proof.htuHasQuery && !lenient(request, 'dpop-htu-query', 'the DPoP proof\'s htu carries a query or fragment')) {
    throw new KjError('KJF-000198', 'DPoP proof htu must be the URL without query or fragment (strict profile)')
  }
}

/** Bearer passes where the real service still takes it; each way it will not is a finding. */
function bearerFindings (request: FastifyRequest, token: KjToken, api: TokenAudience): void {
  if (token.jkt !== undefined && !lenient(request, 'dpop-bound-token-as-bearer', `a DPoP-bound token (cnf.jkt) for ${api.audience} was sent as Authorization: Bearer`)) {
    throw new KjError('KJF-000198', 'a DPoP-bound token must be sent as Authorization: DPoP <token> with a DPoP proof (RFC 9449; strict profile)')
  }
  if (api.dpopDocumented === true && !lenient(request, 'bearer-where-dpop-required', `the token for ${api.audience} was sent as Bearer; the API documents DPoP`)) {
    throw new KjError('KJF-000198', 'this API requires a DPoP-bound token sent as Authorization: DPoP <token> (strict profile)')
  }
}
