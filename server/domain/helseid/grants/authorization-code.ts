/**
 * authorization_code: redeems a code from /connect/authorize with PKCE, once, by the client it
 * was issued to, at the redirect URI it was issued for; a DPoP-bound code (dpop_jkt) needs a
 * proof with the same key.
 */
import { checkCodeRedemption } from '../authorization.js'
import { OAuthError } from '../oauth-error.js'
import { structureError } from '../organisation-numbers.js'
import { param, params, type GrantContext, type TokenResponse } from './context.js'
import { issueUserTokens } from './user-tokens.js'

export async function authorizationCodeGrant (ctx: GrantContext): Promise<TokenResponse> {
  const code = param(ctx.params, 'code')
  if (code === undefined) throw new OAuthError('invalid_request', 'code is required')
  const now = ctx.session.clock.now()
  const grant = checkCodeRedemption(
    ctx.session.codes.take(code, now),
    ctx.client,
    param(ctx.params, 'redirect_uri'),
    param(ctx.params, 'code_verifier')
  )
  if (grant.request.dpopJkt !== undefined && grant.request.dpopJkt !== ctx.jkt) {
    throw new OAuthError('invalid_dpop_proof', 'the code is bound to a DPoP key (dpop_jkt); send a proof made with that key')
  }
  if (ctx.assertionDetails?.organisation !== undefined) {
    throw structureError('HID-1009', 'organisation numbers in the client assertion of an authorization_code request; send them in the request object (PAR), or in the assertion of a refresh_token request')
  }
  return issueUserTokens(ctx, {
    identity: grant.identity,
    scopes: grant.request.scopes,
    consentedScopes: grant.request.scopes,
    resources: grant.request.resources,
    details: grant.request.details ?? {},
    ...(grant.request.nonce !== undefined && { nonce: grant.request.nonce })
  }, params(ctx.params, 'resource'))
}
