/**
 * Token exchange (RFC 8693), as HelseID offers it: a client hands in an access token HelseID
 * issued (`subject_token`) and gets a new one for its own scopes and audience, carrying the same
 * user. This is "the client must do a token refresh/exchange" of the critical-information docs:
 * a token for one API becomes a token for another without a new login. Organisation structures
 * and the attest come in the client assertion, as for every grant.
 * @see https://www.rfc-editor.org/rfc/rfc8693
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruksmoenstre-og-eksempelkode/bruk-av-helseid/docs/tekniske-mekanismer/token-exchange_enmd
 */
import { jwtVerify, type JWTPayload } from 'jose'
import { CLAIM } from '../claims.js'
import { OAuthError } from '../oauth-error.js'
import { parseScopeParam, resolveScopes } from '../scopes.js'
import { pseudonym } from '../token-minter.js'
import { grantAccessToken } from './access-token.js'
import { param, params, type GrantContext, type TokenResponse } from './context.js'

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token'

/** The user claims a subject token passes on; client claims are the new client's own. */
const USER_CLAIMS = [
  'sid', 'auth_time', 'idp', 'amr', 'name', 'given_name', 'middle_name', 'family_name',
  CLAIM.pid, CLAIM.pidPseudonym, CLAIM.securityLevel, CLAIM.assuranceLevel, CLAIM.network, CLAIM.hprNumber
]

async function verifySubject (ctx: GrantContext, token: string): Promise<JWTPayload> {
  if (ctx.subjectTokenKeys === undefined) throw new OAuthError('unsupported_grant_type', 'token exchange is not available here')
  try {
    const { payload } = await jwtVerify(token, ctx.subjectTokenKeys, {
      issuer: ctx.issuer,
      typ: 'at+jwt',
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat'],
      currentDate: new Date(ctx.session.clock.now())
    })
    return payload
  } catch {
    throw new OAuthError('invalid_grant', 'subject_token is not a valid, unexpired access token from this HelseID')
  }
}

export async function tokenExchangeGrant (ctx: GrantContext): Promise<TokenResponse> {
  const subjectToken = param(ctx.params, 'subject_token')
  if (subjectToken === undefined) throw new OAuthError('invalid_request', 'subject_token is required')
  const subjectType = param(ctx.params, 'subject_token_type')
  if (subjectType !== ACCESS_TOKEN_TYPE) throw new OAuthError('invalid_request', `subject_token_type must be ${ACCESS_TOKEN_TYPE}`)
  const requestedType = param(ctx.params, 'requested_token_type')
  if (requestedType !== undefined && requestedType !== ACCESS_TOKEN_TYPE) throw new OAuthError('invalid_request', `requested_token_type may only be ${ACCESS_TOKEN_TYPE}`)
  if (param(ctx.params, 'actor_token') !== undefined) throw new OAuthError('invalid_request', 'actor_token is not supported; the client assertion says who acts')
  const subject = await verifySubject(ctx, subjectToken)
  const pid = subject[CLAIM.pid]
  const userPresent = typeof pid === 'string'
  const { scopes, audiences } = resolveScopes(ctx.client, parseScopeParam(param(ctx.params, 'scope')), {
    userPresent,
    resources: params(ctx.params, 'resource')
  })
  const user: JWTPayload = Object.fromEntries(USER_CLAIMS.filter((c) => subject[c] !== undefined).map((c) => [c, subject[c]]))
  // HelseID's sub is a pseudonym per client: the new client sees its own.
  if (userPresent) user.sub = pseudonym(ctx.client.client_id, pid)
  return { ...await grantAccessToken(ctx, { scopes, audiences, extraClaims: user }), issued_token_type: ACCESS_TOKEN_TYPE }
}
