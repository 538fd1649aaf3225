/**
 * GET|POST /connect/userinfo: the logged-in user's claims for a user access token this sandbox
 * issued (Bearer, or DPoP with a proof for DPoP-bound tokens).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { errors, jwtVerify, type JWTPayload } from 'jose'
import { CLAIM } from '../../domain/helseid/claims.js'
import { endpointUrl, ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { DpopProofError, verifyDpopProof } from '../../domain/helseid/dpop.js'
import { issuerMismatch } from '../../domain/helseid/issuer-mismatch.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { clientJwtNow } from '../shared/client-jwt-now.js'
import { USERINFO_DOC } from './docs.js'

const USER_CLAIMS = ['sub', 'name', 'given_name', 'middle_name', 'family_name', CLAIM.pid, CLAIM.securityLevel, CLAIM.assuranceLevel, CLAIM.network, CLAIM.hprNumber]

function invalidToken (description: string): OAuthError {
  return new OAuthError('invalid_token', description, { statusCode: 401, headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"` } })
}

const userinfo: FastifyPluginAsync = async (app) => {
  const { sandbox } = app
  const keySet = sandbox.tokenKeys

  async function handle (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const match = /^(Bearer|DPoP) (\S+)$/i.exec(request.headers.authorization ?? '')
    if (match === null) throw invalidToken('send the access token as Authorization: Bearer <token> or DPoP <token>')
    const [, scheme, token] = match as unknown as [string, string, string]
    const session = request.sandboxSession
    let payload: JWTPayload
    try {
      ({ payload } = await jwtVerify(token, keySet, { issuer: [...request.issuers], currentDate: new Date(session.clock.now()), typ: 'at+jwt', requiredClaims: ['exp', 'iat'] }))
    } catch (err) {
      // The one refusal worth detail: the token is fine, but from another issuer (URL or session).
      if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'iss') throw invalidToken(`the access token is from another issuer: ${issuerMismatch(err.payload.iss, request.issuers)}`)
      throw invalidToken('the access token is invalid or expired')
    }
    // A token without an end or issued in the future is not one this HelseID issued.
    if ((payload.iat as number) > session.clock.now() / 1000 + 5) throw invalidToken('the access token is issued in the future')
    const jkt = (payload.cnf as { jkt?: string } | undefined)?.jkt
    if (jkt !== undefined) {
      if (scheme.toLowerCase() !== 'dpop') throw invalidToken('a DPoP-bound token must be sent with the DPoP scheme')
      try {
        const proof = await verifyDpopProof(String(request.headers.dpop ?? ''), {
          method: request.method,
          url: endpointUrl(request.issuer, 'userinfo'),
          now: clientJwtNow(request),
          replay: session.dpopJtis,
          accessToken: token
        })
        if (proof.jkt !== jkt) throw invalidToken('the DPoP proof is made with another key than the token is bound to')
      } catch (err) {
        if (err instanceof DpopProofError) throw new OAuthError('invalid_dpop_proof', err.message, { statusCode: 401 })
        throw err
      }
    }
    if (payload[CLAIM.pid] === undefined) throw invalidToken('a system token has no user; userinfo needs a user access token')
    return reply.header('cache-control', 'no-store').send(Object.fromEntries(USER_CLAIMS.filter((c) => payload[c] !== undefined).map((c) => [c, payload[c]])))
  }

  app.get(ENDPOINT_PATHS.userinfo, { schema: USERINFO_DOC }, handle)
  app.post(ENDPOINT_PATHS.userinfo, { schema: USERINFO_DOC }, handle)
}

export default userinfo
