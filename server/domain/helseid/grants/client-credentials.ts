/**
 * client_credentials: a system token with client claims only (client_id, orgnr_*, client_amr),
 * the form Kjernejournal's helseindikator expects. The organisation structure and the attest come
 * in the client assertion (there is no login).
 */
import { mintAccessToken } from '../token-minter.js'
import { parseScopeParam, resolveScopes } from '../scopes.js'
import { param, params, type GrantContext, type TokenResponse } from './context.js'
import { tokenDetails } from './token-details.js'

export async function clientCredentialsGrant (ctx: GrantContext): Promise<TokenResponse> {
  const { scopes, audiences } = resolveScopes(ctx.client, parseScopeParam(param(ctx.params, 'scope')), {
    userPresent: false,
    resources: params(ctx.params, 'resource')
  })
  const lifetime = ctx.lifetimes.access
  const { organisations, attest } = tokenDetails(ctx)
  const accessToken = await mintAccessToken({
    issuer: ctx.issuer,
    client: ctx.client,
    scopes,
    audiences,
    now: ctx.session.clock.epochSeconds(),
    lifetime,
    organisations,
    ...(attest !== undefined && { attest }),
    ...(ctx.jkt !== undefined && { jkt: ctx.jkt })
  }, ctx.signingKey)
  return { access_token: accessToken, token_type: ctx.jkt !== undefined ? 'DPoP' : 'Bearer', expires_in: lifetime, scope: scopes.join(' ') }
}
