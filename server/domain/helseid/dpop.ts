/**
 * DPoP proof verification (RFC 9449 section 4.3), shared by the token endpoint and the APIs.
 * Failures carry a `reason` so each face can answer in its own words (OAuth `invalid_dpop_proof`
 * at the token endpoint, a Kjernejournal code at the APIs).
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { base64url, calculateJwkThumbprint, decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK } from 'jose'
import { ASYMMETRIC_ALGS } from './claims.js'
import type { ReplayGuard } from '../replay-guard.js'

export type DpopFailure =
  | 'malformed' | 'typ' | 'alg' | 'jwk' | 'signature' | 'htm' | 'htu' | 'iat' | 'jti' | 'replay' | 'ath' | 'nonce' | 'jkt'

export class DpopProofError extends Error {
  override name = 'DpopProofError'
  readonly reason: DpopFailure
  constructor (reason: DpopFailure, message: string) {
    super(message)
    this.reason = reason
  }
}

export interface DpopCheck {
  readonly method: string
  readonly url: string
  /** Seconds since the epoch. */
  readonly now: number
  readonly replay: ReplayGuard
  /** When given, the proof must carry `ath` for it (resource requests). */
  readonly accessToken?: string
  /** With accessToken: a proof without `ath` passes (a setting's leniency); one with a wrong `ath` still fails. */
  readonly athOptional?: boolean
  /** When given, the proof must carry a nonce this accepts. */
  readonly acceptsNonce?: (nonce: string) => boolean
  /** How old (`iat`) a proof may be, seconds; HelseID's token endpoint keeps the default 60. */
  readonly maxAge?: number
  /** Clock skew allowed either way around `iat`, seconds; default 5. */
  readonly skew?: number
  /**
   * Refuse a proof whose `htu` carries a query or fragment (RFC 9449 4.2: the URI "without query
   * and fragment parts"; NHN's sample API compares it exactly). The request's query is never compared.
   */
  readonly htuWithoutQuery?: boolean
}

export interface DpopProof {
  readonly jkt: string
  readonly jti: string
  /** Seconds between the proof's `iat` and the check's `now` (negative: made in the future), for the caller to judge. */
  readonly age: number
  /** The proof's `htu` carries a query or fragment (accepted only when `htuWithoutQuery` is off). */
  readonly htuHasQuery: boolean
}

/** The window NHN's sample API (HelseID.Samples) gives a proof at an API: 1 s old, 5 s skew either way. */
export const NHN_API_PROOF_WINDOW = { maxAge: 1, skew: 5 } as const

/** The proof's age falls outside `window` (older than maxAge + skew, or more than skew in the future). */
export function outsideProofWindow (age: number, window: { readonly maxAge: number, readonly skew: number }): boolean {
  return age > window.maxAge + window.skew || age < -window.skew
}

const DEFAULT_MAX_AGE = 60
const DEFAULT_SKEW = 5
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']

/** `htu` compares without query and fragment, scheme and host case-insensitive. */
export function normaliseHtu (url: string): string | undefined {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname}`.toLowerCase()
  } catch {
    return undefined
  }
}

export function accessTokenHashForDpop (accessToken: string): string {
  return base64url.encode(createHash('sha256').update(accessToken).digest())
}

export async function verifyDpopProof (proof: string, check: DpopCheck): Promise<DpopProof> {
  const maxAge = check.maxAge ?? DEFAULT_MAX_AGE
  const skew = check.skew ?? DEFAULT_SKEW
  let header
  try {
    header = decodeProtectedHeader(proof)
  } catch {
    throw new DpopProofError('malformed', 'DPoP proof is not a JWS')
  }
  if (header.typ !== 'dpop+jwt') throw new DpopProofError('typ', 'DPoP proof typ must be dpop+jwt')
  if (typeof header.alg !== 'string' || !(ASYMMETRIC_ALGS as readonly string[]).includes(header.alg)) {
    throw new DpopProofError('alg', 'DPoP proof must be signed with an asymmetric algorithm')
  }
  const jwk = header.jwk as JWK | undefined
  if (jwk === undefined || typeof jwk !== 'object') throw new DpopProofError('jwk', 'DPoP proof header has no jwk')
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) throw new DpopProofError('jwk', 'DPoP proof jwk contains a private key')
  let payload
  try {
    const key = await importJWK(jwk, header.alg)
    ;({ payload } = await jwtVerify(proof, key, { typ: 'dpop+jwt', algorithms: [header.alg], currentDate: new Date(check.now * 1000), clockTolerance: skew }))
  } catch (err) {
    if (err instanceof errors.JWSSignatureVerificationFailed) throw new DpopProofError('signature', 'DPoP proof signature is invalid')
    throw new DpopProofError('malformed', `DPoP proof cannot be verified (${(err as Error).message})`)
  }
  if (typeof payload.jti !== 'string' || payload.jti.length === 0) throw new DpopProofError('jti', 'DPoP proof has no jti')
  if (payload.htm !== check.method) throw new DpopProofError('htm', `DPoP proof htm must be ${check.method}`)
  if (typeof payload.htu !== 'string' || normaliseHtu(payload.htu) !== normaliseHtu(check.url)) {
    throw new DpopProofError('htu', `DPoP proof htu must be ${check.url}`)
  }
  const htuHasQuery = /[?#]/.test(payload.htu)
  if (check.htuWithoutQuery === true && htuHasQuery) {
    throw new DpopProofError('htu', `DPoP proof htu must be ${check.url}, without query or fragment`)
  }
  if (typeof payload.iat !== 'number' || payload.iat > check.now + skew || payload.iat < check.now - maxAge - skew) {
    throw new DpopProofError('iat', `DPoP proof iat must be within the last ${maxAge} seconds (give or take ${skew}); make a new proof for every request`)
  }
  const athWaived = check.athOptional === true && payload.ath === undefined
  if (check.accessToken !== undefined && !athWaived && payload.ath !== accessTokenHashForDpop(check.accessToken)) {
    throw new DpopProofError('ath', 'DPoP proof ath does not match the access token')
  }
  if (check.acceptsNonce !== undefined && (typeof payload.nonce !== 'string' || !check.acceptsNonce(payload.nonce))) {
    throw new DpopProofError('nonce', 'DPoP proof must carry the server nonce from the DPoP-Nonce header')
  }
  const jkt = await calculateJwkThumbprint(jwk)
  if (!check.replay.firstUse(`${jkt}|${payload.jti}`, (payload.iat + maxAge + 2 * skew) * 1000, check.now * 1000)) {
    throw new DpopProofError('replay', 'DPoP proof jti has been used before')
  }
  return { jkt, jti: payload.jti, age: check.now - payload.iat, htuHasQuery }
}

/**
 * Server nonces without server state: an HMAC of the current five-minute window. The current
 * and the previous window's nonces are accepted, so a nonce lives five to ten minutes.
 */
export function createNonceSource (windowSeconds = 300, secret: Buffer = randomBytes(32)): {
  current(now: number): string
  accepts(nonce: string, now: number): boolean
} {
  const nonceFor = (window: number): string => createHmac('sha256', secret).update(String(window)).digest('base64url')
  return {
    current: (now) => nonceFor(Math.floor(now / windowSeconds)),
    accepts: (nonce, now) => {
      const window = Math.floor(now / windowSeconds)
      return nonce === nonceFor(window) || nonce === nonceFor(window - 1)
    }
  }
}
