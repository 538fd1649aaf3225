/**
 * The parts of a test token that are not client or user claims: its lifetime, its header, the
 * API-specific claims, and its signature (RS256 with `kid`, like every HelseID token).
 */
import { SignJWT, type JWTPayload } from 'jose'
import type { SigningKey } from '../signing-keys.js'
import { nonEmpty } from './generation.js'
import type { ExpirationParameters } from './request.js'
import { TestTokenError } from './response.js'

/** The TTT's default lifetime, seconds. */
export const DEFAULT_LIFETIME = 600

/**
 * An expired token stays expired by at least this much, seconds: past the five minutes of
 * clock skew that .NET's JwtBearer allows by default, so APIs on defaults refuse it too.
 */
const MIN_EXPIRED_BY = 600

export interface TokenTimes {
  readonly iat: number
  readonly nbf: number
  readonly exp: number
}

/** `now` in seconds since the epoch; seconds win over days when both are given. */
export function tokenTimes (now: number, expiration: ExpirationParameters | undefined): TokenTimes {
  const seconds = expiration?.expirationTimeInSeconds
  const days = expiration?.expirationTimeInDays
  const lifetime = seconds ?? (days !== undefined ? days * 86400 : DEFAULT_LIFETIME)
  if (expiration?.setExpirationTimeAsExpired === true) {
    const exp = now - Math.max(lifetime, MIN_EXPIRED_BY)
    return { iat: exp - lifetime, nbf: exp - lifetime, exp }
  }
  return { iat: now, nbf: now, exp: now + lifetime }
}

/** `headerParameters.typ`: at+jwt (RFC 9068, the default) or plain JWT. */
export function tokenTyp (typ: string | undefined): 'at+jwt' | 'JWT' {
  if (!nonEmpty(typ)) return 'at+jwt'
  const lower = typ.trim().toLowerCase()
  if (lower === 'at+jwt') return 'at+jwt'
  if (lower === 'jwt') return 'JWT'
  throw new TestTokenError(`headerParameters.typ must be "at+jwt" or "jwt", not "${typ}"`)
}

/** `[{type, value}]` as claims; a type given more than once becomes a list, as in .NET. */
export function apiSpecificClaims (claims: ReadonlyArray<{ type: string, value: string }> | undefined): JWTPayload {
  const out: Record<string, string | string[]> = {}
  for (const { type, value } of claims ?? []) {
    const seen = out[type]
    out[type] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
  }
  return out
}

export async function signTestToken (payload: JWTPayload, typ: 'at+jwt' | 'JWT', key: SigningKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid, typ }).sign(key.privateKey)
}
