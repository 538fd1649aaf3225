/**
 * The access token every grant issues, and the part of the token response that describes it:
 * the organisations and attest for this request (token-details.ts), the client's DPoP key, the
 * sandbox clock and lifetime. Grants differ only in the scopes, the user and the login details.
 */
import type { JWTPayload } from 'jose'
import type { AuthorizationDetails } from '../authorization-details.js'
import { mintAccessToken, type AccessTokenRequest } from '../token-minter.js'
import type { GrantContext, TokenResponse } from './context.js'
import { tokenDetails } from './token-details.js'

export interface GrantedAccess {
  readonly scopes: readonly string[]
  readonly audiences: readonly string[]
  readonly identity?: AccessTokenRequest['identity']
  /** Claims of the token exchange's subject. */
  readonly extraClaims?: JWTPayload
  /** Organisation structure and attest given at login (request object, PAR). */
  readonly fromLogin?: AuthorizationDetails
}

export async function grantAccessToken (ctx: GrantContext, access: GrantedAccess): Promise<Pick<TokenResponse, 'access_token' | 'token_type' | 'expires_in' | 'scope'>> {
  const { organisations, attest } = tokenDetails(ctx, access.fromLogin)
  const lifetime = ctx.lifetimes.access
  const accessToken = await mintAccessToken({
    issuer: ctx.issuer,
    client: ctx.client,
    scopes: access.scopes,
    audiences: access.audiences,
    now: ctx.session.clock.epochSeconds(),
    lifetime,
    organisations,
    ...(access.identity !== undefined && { identity: access.identity }),
    ...(attest !== undefined && { attest }),
    ...(access.extraClaims !== undefined && { extraClaims: access.extraClaims }),
    ...(ctx.jkt !== undefined && { jkt: ctx.jkt })
  }, ctx.signingKey)
  return { access_token: accessToken, token_type: ctx.jkt !== undefined ? 'DPoP' : 'Bearer', expires_in: lifetime, scope: access.scopes.join(' ') }
}
