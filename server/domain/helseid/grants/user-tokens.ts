/**
 * Tokens for a logged-in user, shared by authorization_code and refresh_token: an access token
 * with user and client claims, an ID token when `openid` was granted, and a refresh token when
 * `offline_access` was.
 */
import { randomBytes } from 'node:crypto'
import { mintIdToken, type LoginIdentity } from '../token-minter.js'
import { resolveScopes } from '../scopes.js'
import { isEmpty, type AuthorizationDetails } from '../authorization-details.js'
import type { GrantContext, TokenResponse } from './context.js'
import { grantAccessToken } from './access-token.js'

export interface UserGrant {
  readonly identity: LoginIdentity
  /** Scopes for this token. */
  readonly scopes: readonly string[]
  /** Everything granted at login; a refresh may narrow a token but never the chain. */
  readonly consentedScopes: readonly string[]
  readonly resources: readonly string[]
  /** Structures sent at login; kept for every token of the refresh chain. */
  readonly details?: AuthorizationDetails
  readonly nonce?: string
  /** For refreshes: the absolute end of the refresh token chain, sandbox milliseconds. */
  readonly refreshExpiresAt?: number
}

export async function issueUserTokens (ctx: GrantContext, grant: UserGrant, narrowTo: readonly string[]): Promise<TokenResponse> {
  const { lifetimes, signingKey } = ctx
  const { scopes, audiences } = resolveScopes(ctx.client, grant.scopes, {
    userPresent: true,
    resources: narrowTo.length > 0 ? narrowTo : grant.resources
  })
  const now = ctx.session.clock.epochSeconds()
  const response: TokenResponse = await grantAccessToken(ctx, { scopes, audiences, identity: grant.identity, ...(grant.details !== undefined && { fromLogin: grant.details }) })
  const accessToken = response.access_token
  if (grant.scopes.includes('openid')) {
    response.id_token = await mintIdToken({
      issuer: ctx.issuer,
      client: ctx.client,
      identity: grant.identity,
      scopes,
      now,
      lifetime: lifetimes.id,
      accessToken,
      ...(grant.nonce !== undefined && { nonce: grant.nonce })
    }, signingKey)
  }
  if (grant.consentedScopes.includes('offline_access')) {
    const nowMs = ctx.session.clock.now()
    const expiresAt = grant.refreshExpiresAt ?? nowMs + lifetimes.refresh * 1000
    const refreshToken = randomBytes(32).toString('base64url')
    ctx.session.refreshTokens.set(refreshToken, {
      clientId: ctx.client.client_id,
      identity: grant.identity,
      scopes: [...grant.consentedScopes],
      resources: [...grant.resources],
      ...(grant.details !== undefined && !isEmpty(grant.details) && { details: grant.details }),
      expiresAt
    }, expiresAt, nowMs)
    response.refresh_token = refreshToken
    response.rt_expires_in = Math.max(0, Math.floor((expiresAt - nowMs) / 1000))
  }
  return response
}
