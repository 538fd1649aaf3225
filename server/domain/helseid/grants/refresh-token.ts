/**
 * refresh_token: one-time use, rotated on every refresh within the chain's absolute lifetime;
 * may narrow scopes or pick one resource (HelseID's way to get one single-audience token per
 * API from one login). A new attest or organisation structure in the client assertion applies to
 * this token only; the login's (request object) stay with the chain.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
import { OAuthError } from '../oauth-error.js'
import { parseScopeParam } from '../scopes.js'
import { param, params, type GrantContext, type TokenResponse } from './context.js'
import { issueUserTokens } from './user-tokens.js'

export async function refreshTokenGrant (ctx: GrantContext): Promise<TokenResponse> {
  const token = param(ctx.params, 'refresh_token')
  if (token === undefined) throw new OAuthError('invalid_request', 'refresh_token is required')
  const { session } = ctx
  const grant = session.refreshTokens.take(token, session.clock.now())
  if (grant === undefined) throw new OAuthError('invalid_grant', 'refresh token is unknown, expired or already used')
  if (grant.clientId !== ctx.client.client_id) throw new OAuthError('invalid_grant', 'refresh token was issued to another client')
  if (session.endedSids.get(grant.identity.sid, session.clock.now()) !== undefined) {
    throw new OAuthError('invalid_grant', 'the user has logged out of this HelseID session')
  }
  const requested = parseScopeParam(param(ctx.params, 'scope'))
  if (requested !== undefined) {
    const beyond = requested.find((s) => !grant.scopes.includes(s))
    if (beyond !== undefined) throw new OAuthError('invalid_scope', `scope '${beyond}' was not granted at login`)
  }
  return issueUserTokens(ctx, {
    identity: grant.identity,
    scopes: requested ?? grant.scopes,
    consentedScopes: grant.scopes,
    resources: grant.resources,
    details: grant.details,
    refreshExpiresAt: grant.expiresAt
  }, params(ctx.params, 'resource'))
}
