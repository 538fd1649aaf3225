/**
 * What every grant handler gets, and nothing more: the key and lifetimes tokens are issued with
 * (built once by the composition root), the session state grants read and change, the
 * authenticated client, the request's issuer, the DPoP key thumbprint when the request carried a
 * valid proof, and the form parameters. Nothing here knows the whole sandbox, so a grant is
 * tested with a clock, three maps and a key.
 */
import type { JWTVerifyGetKey } from 'jose'
import type { Clock } from '../../clock.js'
import type { ExpiringMap } from '../../expiring-map.js'
import type { AuthorizationCode } from '../authorization.js'
import type { AuthorizationDetails } from '../authorization-details.js'
import type { TokenOrganisations } from '../organisation-numbers.js'
import type { Client } from '../clients.js'
import type { SigningKey } from '../signing-keys.js'
import type { LoginIdentity } from '../token-minter.js'

export type TokenParams = Readonly<Record<string, string | string[] | undefined>>

/** Seconds (ACCESS_TOKEN_LIFETIME, ID_TOKEN_LIFETIME, REFRESH_TOKEN_LIFETIME). */
export interface TokenLifetimes {
  readonly access: number
  readonly id: number
  /** The refresh token chain's absolute lifetime. */
  readonly refresh: number
}

/** What the token endpoint signs and stamps with: the same for every request. */
export interface TokenIssuance {
  readonly signingKey: SigningKey
  readonly lifetimes: TokenLifetimes
}

export interface RefreshGrant {
  readonly clientId: string
  readonly identity: LoginIdentity
  readonly scopes: string[]
  readonly resources: string[]
  /** Structures sent at login (request object, PAR): they go into every token of the chain. */
  readonly details?: AuthorizationDetails
  /** Absolute end of the refresh token's life, sandbox milliseconds. */
  readonly expiresAt: number
}

/** The session state the grants use; a sandbox Session is one. */
export interface GrantState {
  readonly clock: Clock
  readonly codes: ExpiringMap<string, AuthorizationCode>
  readonly refreshTokens: ExpiringMap<string, RefreshGrant>
  /** HelseID sessions (sid) ended at /connect/endsession: their refresh tokens stop working. */
  readonly endedSids: ExpiringMap<string, true>
}

export interface GrantContext extends TokenIssuance {
  readonly session: GrantState
  readonly issuer: string
  readonly client: Client
  readonly jkt?: string
  readonly params: TokenParams
  /** The `authorization_details` of the client assertion, read (authorization-details.ts). */
  readonly assertionDetails?: AuthorizationDetails
  /** Told which organisation numbers the token got, so the journal can flag a registration's default child. */
  readonly observeOrganisations?: (organisations: TokenOrganisations) => void
  /**
   * Asked when the token would take the registration's compatibility `orgnr_child` (no structure
   * named a child); false issues it without one, as HelseID does. Absent: the default is used.
   */
  readonly defaultChildAllowed?: () => boolean
  /** HelseID's published keys, for the subject token of a token exchange. */
  readonly subjectTokenKeys?: JWTVerifyGetKey
}

/** RFC 6749 section 5.1, plus HelseID's `rt_expires_in` and RFC 8693's `issued_token_type`. */
export interface TokenResponse {
  access_token: string
  issued_token_type?: string
  token_type: 'Bearer' | 'DPoP'
  expires_in: number
  scope: string
  id_token?: string
  refresh_token?: string
  rt_expires_in?: number
}

export function param (params: TokenParams, name: string): string | undefined {
  const value = params[name]
  if (Array.isArray(value)) return value[0]
  return value === '' ? undefined : value
}

export function params (params: TokenParams, name: string): string[] {
  const value = params[name]
  if (value === undefined || value === '') return []
  return Array.isArray(value) ? value : [value]
}
