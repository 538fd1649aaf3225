/**
 * Redaction for the journal: what a request carried, without anything that would let a reader
 * act as the caller. Bearer tokens, DPoP proofs and client assertions become a fingerprint (equal
 * values, equal fingerprints, so QA can still tell "the same token" apart) plus the claims that
 * say whose token it was; tickets use the ticket fingerprint the rest of the sandbox logs.
 */
import { hash } from 'node:crypto'
import { ticketFingerprint } from '../kjernejournal/tickets.js'
import type { TokenClaimsSummary, TokenSummary } from './entry.js'
import { cut } from './entry-bounds.js'

const HEADER_CAP = 1024

/** Form, JSON and query fields that hold credentials or one-time secrets. */
const SECRET_FIELDS = new Set([
  'client_assertion', 'client_secret', 'code', 'refresh_token', 'code_verifier', 'token', 'assertion',
  'access_token', 'id_token', 'id_token_hint', 'request', 'password', 'subject_token', 'actor_token',
  'accesstokenjwt', 'privatekey', 'private_key', 'ehr_code_verifier'
])

const TICKET_FIELDS = new Set(['ticket', 'x-kj-ticket'])

/** JWS/JWE compact serialisations (and fragments of them): base64url JSON starts with `eyJ`. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*/g
/**
 * Tickets are 64 characters of standard base64 standing alone, with a `+` or `/` in them (ours
 * always have both; a 64-character hex digest has neither and is left alone).
 */
const TICKET_LIKE = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{64}(?![A-Za-z0-9+/=])/g

export function fingerprint (value: string): string {
  // One-shot: no Hash object per redacted value.
  return hash('sha256', value, 'base64url').slice(0, 12)
}

export function redactedToken (token: string): string {
  return `[redacted token, sha256:${fingerprint(token)}]`
}

export function redactedTicket (ticket: string): string {
  return `[redacted ticket, sha256:${ticketFingerprint(ticket.trim())}]`
}

function redactedSecret (value: string): string {
  return `[redacted, sha256:${fingerprint(value)}]`
}

/** Free text (bodies, unknown headers) with anything token- or ticket-shaped replaced. */
export function redactText (text: string): string {
  const jwtLike = text.includes('eyJ')
  if (!jwtLike && text.length < 64) return text
  const withoutTokens = jwtLike ? text.replace(JWT_LIKE, redactedToken) : text
  return withoutTokens.replace(TICKET_LIKE, (match) => /[+/]/.test(match) ? redactedTicket(match) : match)
}

function stringClaim (value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The claims that say whose token it is; undefined when the token is not a readable JWT. */
export function tokenClaims (token: string): TokenClaimsSummary | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || (parts[1] as string).length > 16 * 1024) return undefined
  let payload: Record<string, unknown>
  try {
    payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
  if (payload === null || typeof payload !== 'object') return undefined
  const claims: TokenClaimsSummary = {}
  const clientId = stringClaim(payload.client_id)
  if (clientId !== undefined) claims.client_id = clientId
  if (typeof payload.aud === 'string' || Array.isArray(payload.aud)) claims.aud = payload.aud as string | string[]
  if (typeof payload.scope === 'string' || Array.isArray(payload.scope)) claims.scope = payload.scope as string | string[]
  const pid = stringClaim(payload['helseid://claims/identity/pid'])
  if (pid !== undefined) claims.pid = pid
  const hpr = stringClaim(payload['helseid://claims/hpr/hpr_number'])
  if (hpr !== undefined) claims.hpr = hpr
  if (typeof payload.exp === 'number') claims.exp = payload.exp
  if (payload.cnf !== null && typeof payload.cnf === 'object') claims.dpop_bound = true
  return claims
}

/** Client id of HTTP Basic client authentication; the secret never leaves this function. */
function basicClientId (credentials: string): string | undefined {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon > 0 ? decodeURIComponent(decoded.slice(0, colon)) : undefined
}

/** Recent Authorization headers and their redacted form: an EHR sends one token many times. */
const recentAuthorizations = new Map<string, { header: string, token?: TokenSummary }>()
const RECENT_AUTHORIZATIONS_MAX = 256

/** An Authorization header as the journal shows it, and the token summary for Bearer/DPoP. */
export function redactAuthorization (value: string): { header: string, token?: TokenSummary } {
  // An EHR sends one token many times in a row: comparing with the last one is cheaper than
  // hashing a 2 KB header for the map.
  if (lastAuthorization !== undefined && value === lastAuthorization.value) return lastAuthorization.redacted
  const redacted = redactAuthorizationRemembered(value)
  lastAuthorization = { value, redacted }
  return redacted
}

let lastAuthorization: { readonly value: string, readonly redacted: { header: string, token?: TokenSummary } } | undefined

function redactAuthorizationRemembered (value: string): { header: string, token?: TokenSummary } {
  const known = recentAuthorizations.get(value)
  if (known !== undefined) return known
  const redacted = redactAuthorizationOnce(value)
  if (recentAuthorizations.size >= RECENT_AUTHORIZATIONS_MAX) recentAuthorizations.delete(recentAuthorizations.keys().next().value as string)
  recentAuthorizations.set(value, redacted)
  return redacted
}

function redactAuthorizationOnce (value: string): { header: string, token?: TokenSummary } {
  const match = /^(\S+)\s+(\S.*)$/.exec(value.trim())
  if (match === null) return { header: redactedSecret(value) }
  const scheme = match[1] as string
  const credentials = (match[2] as string).trim()
  const kind = scheme.toLowerCase()
  if (kind === 'bearer' || kind === 'dpop') {
    const token = redactedToken(credentials)
    const claims = tokenClaims(credentials)
    return { header: `${scheme} ${token}`, token: { scheme, token, ...(claims !== undefined && { claims }) } }
  }
  if (kind === 'basic') {
    let clientId: string | undefined
    try { clientId = basicClientId(credentials) } catch { clientId = undefined }
    return { header: `${scheme} [redacted${clientId !== undefined ? `, client_id: ${clientId}` : ''}]` }
  }
  return { header: `${scheme} ${redactedSecret(credentials)}` }
}

function redactHeader (name: string, value: string): string {
  if (name === 'dpop') return redactedToken(value)
  if (TICKET_FIELDS.has(name)) return redactedTicket(value)
  if (name === 'cookie' || name === 'proxy-authorization') return '[redacted]'
  const text = redactText(value)
  return cut(text, HEADER_CAP)
}

/** All request headers, one string each, with credentials redacted; `token` summarises Authorization. */
export function redactHeaders (headers: Record<string, string | string[] | undefined>): { headers: Record<string, string>, token?: TokenSummary } {
  const out: Record<string, string> = {}
  let token: TokenSummary | undefined
  for (const name in headers) {
    const raw = headers[name]
    if (raw === undefined) continue
    const value = Array.isArray(raw) ? raw.join(', ') : raw
    if (name === 'authorization') {
      const redacted = redactAuthorization(value)
      out[name] = redacted.header
      token = redacted.token
    } else {
      out[name] = redactHeader(name, value)
    }
  }
  return { headers: out, ...(token !== undefined && { token }) }
}

/** One form/JSON/query field's value as the journal keeps it. */
export function redactField (name: string, value: string): string {
  const key = name.toLowerCase()
  if (SECRET_FIELDS.has(key)) return value.startsWith('eyJ') ? redactedToken(value) : redactedSecret(value)
  if (TICKET_FIELDS.has(key)) return redactedTicket(value)
  return redactText(value)
}

/** The query string's parameters, redacted; undefined when there are none. */
export function redactQuery (search: string): Record<string, string | string[]> | undefined {
  if (search === '') return undefined
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of new URLSearchParams(search)) {
    const redacted = redactField(name, value)
    const seen = out[name]
    out[name] = seen === undefined ? redacted : [...(Array.isArray(seen) ? seen : [seen]), redacted]
  }
  return out
}

/** A URL (e.g. a redirect's Location) with secret query/fragment parameters redacted, e.g. `code`. */
export function redactUrl (url: string): string {
  return url.replace(/([?&#])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string, value: string) => {
    let decoded: string
    try { decoded = decodeURIComponent(value.replaceAll('+', ' ')) } catch { decoded = value }
    const redacted = redactField(name, decoded)
    return redacted === decoded ? whole : `${sep}${name}=${redacted}`
  })
}
