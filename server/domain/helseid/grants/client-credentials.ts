/**
 * client_credentials: a system token with client claims only (client_id, orgnr_*, client_amr),
 * the form Kjernejournal's helseindikator expects. The organisation structure and the attest come
 * in the client assertion (there is no login).
 */
import { parseScopeParam, resolveScopes } from '../scopes.js'
import { grantAccessToken } from './access-token.js'
import { param, params, type GrantContext, type TokenResponse } from './context.js'

export async function clientCredentialsGrant (ctx: GrantContext): Promise<TokenResponse> {
  const { scopes, audiences } = resolveScopes(ctx.client, parseScopeParam(param(ctx.params, 'scope')), {
    userPresent: false,
    resources: params(ctx.params, 'resource')
  })
  return grantAccessToken(ctx, { scopes, audiences })
}
