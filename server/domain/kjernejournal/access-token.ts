/**
 * How Kjernejournal judges a HelseID access token, in the real service's order: present ->
 * signature, issuer, typ, expiry -> single audience -> lifetime -> scope -> security level (user
 * tokens) -> client authentication method -> required claims -> DPoP binding. Each failure is the
 * catalogue code the REST integration guide gives for it.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/protokoller-og-sikkerhetsprofil/sikkerhetsprofil/docs/vedlegg/validering_av_access_token_enmd
 */
import { decodeProtectedHeader, errors, type JWTPayload } from 'jose'
import { CLAIM } from '../helseid/claims.js'
import { DpopProofError, verifyDpopProof } from '../helseid/dpop.js'
import { issuerMismatch } from '../helseid/issuer-mismatch.js'
import type { JwsVerifier } from '../helseid/verified-tokens.js'
import type { ReplayGuard } from '../replay-guard.js'
import { KjError } from '../kj-error.js'

export interface KjToken {
  readonly raw: string
  readonly payload: JWTPayload
  readonly clientId: string
  readonly orgnrParent: string
  readonly orgnrChild?: string
  /** Present on user tokens only. */
  readonly pid?: string
  readonly hprNumber?: string
  readonly securityLevel?: string
  readonly jkt?: string
  /** How it was sent: `Authorization: Bearer` or `Authorization: DPoP`. */
  readonly scheme: 'bearer' | 'dpop'
  /** With the DPoP scheme: facts about the proof for the route to judge (its age in seconds, a query in `htu`). */
  readonly proof?: { readonly age: number, readonly htuHasQuery: boolean }
}

export interface KjTokenCheck {
  /** Checks the signature against HelseID's published keys (remembering tokens it has seen). */
  readonly verify: JwsVerifier
  /** Issuers accepted (every URL the sandbox serves, for the request's session), the caller's first. */
  readonly issuers: readonly string[]
  readonly audience: string
  readonly scope: string
  /** Sandbox time, seconds. */
  readonly now: number
  readonly maxLifetime: number
  readonly requireDpop: boolean
  /**
   * Refuse a DPoP-bound token (`cnf.jkt`) sent as Bearer (RFC 9449 7.1). The critical-information
   * API does; helseindikator does not, as NHN's own sample EHR sends its bound token there as Bearer.
   */
  readonly refuseBoundBearer?: boolean
  /** DPoP proof lifetime and clock skew, seconds (DPOP_PROOF_MAX_AGE, DPOP_CLOCK_SKEW), and DPOP_STRICT_HTU. */
  readonly proof: { readonly maxAge: number, readonly skew: number, readonly strictHtu?: boolean }
  /** The request, for DPoP proofs: method, full URL, the DPoP header, and the clock for proofs. */
  readonly request: { readonly method: string, readonly url: string, readonly dpop?: string | string[], readonly proofNow: number }
  /** The proof may leave out `ath` (Innlogging's end, as NHN's reference EHR signs it, when a setting allows). */
  readonly athOptional?: boolean
  readonly replay: ReplayGuard
}

const SKEW = 5

function invalid (why: string): KjError {
  return new KjError('KJF-000198', why)
}

async function verifySignatureAndTimes (token: string, check: KjTokenCheck): Promise<JWTPayload> {
  // A token seen before passed the header checks below with the very same bytes.
  const known = check.verify.known(token)
  if (known !== undefined) {
    checkIssuerAndTimes(known.payload, check)
    return known.payload
  }
  let header
  try {
    header = decodeProtectedHeader(token)
  } catch {
    throw invalid('the bearer token is not a JWT')
  }
  if (header.alg !== 'RS256') throw invalid(`alg '${String(header.alg)}' is not accepted; HelseID signs with RS256`)
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined
  if (typ !== 'at+jwt' && typ !== 'jwt') throw invalid('typ must be at+jwt or JWT')
  let payload: JWTPayload
  try {
    ({ payload } = await check.verify(token))
  } catch (err) {
    if (err instanceof errors.JWKSNoMatchingKey) throw invalid('the token is signed with a key HelseID does not publish (unknown kid)')
    if (err instanceof errors.JWSSignatureVerificationFailed) throw invalid('the token signature is not valid')
    throw invalid(`the token cannot be verified (${(err as Error).message})`)
  }
  checkIssuerAndTimes(payload, check)
  return payload
}

/** What jwtVerify checks after the signature, against the session's clock, on every request. */
function checkIssuerAndTimes (payload: JWTPayload, check: KjTokenCheck): void {
  // jose's order: required claims, issuer, then the times.
  for (const claim of ['exp', 'iat'] as const) {
    if (payload[claim] === undefined) throw invalid(`claim '${claim}' is invalid (missing)`)
  }
  if (typeof payload.iss !== 'string' || !check.issuers.includes(payload.iss)) throw invalid(`claim 'iss' is invalid: ${issuerMismatch(payload.iss, check.issuers)}`)
  for (const claim of ['iat', 'exp'] as const) {
    if (typeof payload[claim] !== 'number') throw invalid(`claim '${claim}' is invalid (invalid)`)
  }
  if (payload.nbf !== undefined) {
    if (typeof payload.nbf !== 'number') throw invalid("claim 'nbf' is invalid (invalid)")
    if (payload.nbf > check.now + SKEW) throw invalid("claim 'nbf' is invalid (check_failed)")
  }
  if ((payload.exp as number) <= check.now - SKEW) throw invalid('the token has expired')
  // jose leaves iat alone; a token issued in the future is not one HelseID issued (docs/assumptions.md).
  if ((payload.iat as number) > check.now + SKEW) throw invalid('iat is in the future')
}

function checkAudience (payload: JWTPayload, audience: string): void {
  const aud = payload.aud
  if (Array.isArray(aud) && aud.length > 1) throw new KjError('KJF-000345', `aud is [${aud.join(', ')}]; ask HelseID for ${audience} alone`)
  const single = Array.isArray(aud) ? aud[0] : aud
  if (single !== audience) throw invalid(`wrong audience '${String(single)}'; expected ${audience}`)
}

function scopesOf (payload: JWTPayload): string[] {
  const scope = payload.scope
  if (Array.isArray(scope)) return scope.map(String)
  return typeof scope === 'string' ? scope.split(' ') : []
}

interface DpopBinding { readonly jkt?: string, readonly proof?: { readonly age: number, readonly htuHasQuery: boolean } }

async function checkDpop (payload: JWTPayload, scheme: string, token: string, check: KjTokenCheck): Promise<DpopBinding> {
  const jkt = (payload.cnf as { jkt?: unknown } | undefined)?.jkt
  if (scheme === 'bearer') {
    // NHN's own sample EHR sends its DPoP-bound token to helseindikator as Bearer, so Bearer passes
    // unless the sandbox is told to require DPoP, as the real service is moving to.
    if (check.requireDpop) throw invalid('this API requires a DPoP-bound token sent as Authorization: DPoP <token>')
    if (typeof jkt === 'string' && check.refuseBoundBearer === true) {
      throw invalid('the token is DPoP-bound (cnf.jkt); send it as Authorization: DPoP <token> with a DPoP proof, not as Bearer (RFC 9449)')
    }
    return typeof jkt === 'string' ? { jkt } : {}
  }
  if (typeof jkt !== 'string') throw invalid('the DPoP scheme was used with a token that is not DPoP-bound (no cnf.jkt)')
  const proof = check.request.dpop
  if (typeof proof !== 'string') throw invalid('a DPoP proof (DPoP header, exactly one) is required with the DPoP scheme')
  try {
    const verified = await verifyDpopProof(proof, {
      method: check.request.method,
      url: check.request.url,
      now: check.request.proofNow,
      replay: check.replay,
      accessToken: token,
      athOptional: check.athOptional === true,
      maxAge: check.proof.maxAge,
      skew: check.proof.skew,
      htuWithoutQuery: check.proof.strictHtu ?? true
    })
    if (verified.jkt !== jkt) throw invalid('the DPoP proof is signed with another key than the token is bound to (cnf.jkt)')
    return { jkt, proof: { age: verified.age, htuHasQuery: verified.htuHasQuery } }
  } catch (err) {
    if (err instanceof DpopProofError) throw invalid(err.message)
    throw err
  }
}

/** Key-based client authentication only: "the client must authenticate using a RSA key or enterprise certificate, not client secret" (KJF-000225). */
const KEY_BASED_AMR = new Set(['private_key_jwt', 'rsa_private_key', 'ec_private_key', 'enterprise_certificate', 'tls_client_auth'])

function checkClientAuthentication (payload: JWTPayload): void {
  for (const claim of [CLAIM.clientAmr, CLAIM.clientAmrHelseId]) {
    const value = payload[claim]
    if (value !== undefined && !KEY_BASED_AMR.has(String(value))) throw new KjError('KJF-000225', `${claim} is '${String(value)}'`)
  }
}

interface SchemeAndToken { readonly scheme: string, readonly token: string }

/** The last header read: an EHR sends one header many times in a row, and a 2 KB regular expression match costs more than a comparison. */
let lastAuthorization: { readonly header: string, readonly parsed: SchemeAndToken } | undefined

function schemeAndToken (authorization: string): SchemeAndToken | undefined {
  if (lastAuthorization !== undefined && authorization === lastAuthorization.header) return lastAuthorization.parsed
  const match = /^(Bearer|DPoP)\s+(\S+)\s*$/i.exec(authorization)
  if (match === null) return undefined
  const parsed = { scheme: (match[1] as string).toLowerCase(), token: match[2] as string }
  lastAuthorization = { header: authorization, parsed }
  return parsed
}

/**
 * The last Bearer token that passed, with what it was checked for. Past the signature and the
 * times, which are checked on every request against the session's clock and issuers, a Bearer
 * token's verdict depends only on its claims and on these; an EHR sends one token many times.
 */
interface BearerVerdict {
  readonly payload: JWTPayload
  readonly audience: string
  readonly scope: string
  readonly maxLifetime: number
  readonly requireDpop: boolean
  readonly refuseBoundBearer: boolean
  readonly token: KjToken
}

let lastBearer: BearerVerdict | undefined

function knownBearer (payload: JWTPayload, check: KjTokenCheck): KjToken | undefined {
  const last = lastBearer
  // The signature cache hands out one payload object per token, so the same object is the same token.
  if (last === undefined || last.payload !== payload) return undefined
  return last.audience === check.audience && last.scope === check.scope && last.maxLifetime === check.maxLifetime &&
    last.requireDpop === check.requireDpop && last.refuseBoundBearer === (check.refuseBoundBearer ?? false)
    ? last.token
    : undefined
}

export async function verifyKjToken (authorization: string | undefined, check: KjTokenCheck): Promise<KjToken> {
  const parsed = schemeAndToken(authorization ?? '')
  if (parsed === undefined) throw new KjError('KJF-000279', 'send the HelseID access token as Authorization: Bearer <token>')
  const { scheme, token } = parsed
  const payload = await verifySignatureAndTimes(token, check)
  const known = scheme === 'bearer' ? knownBearer(payload, check) : undefined
  if (known !== undefined) return known
  const verdict = await claimsVerdict(scheme, token, payload, check)
  if (verdict.scheme === 'bearer') {
    lastBearer = { payload, audience: check.audience, scope: check.scope, maxLifetime: check.maxLifetime, requireDpop: check.requireDpop, refuseBoundBearer: check.refuseBoundBearer ?? false, token: verdict }
  }
  return verdict
}

/** Everything after the signature and the times, in the real service's order. */
async function claimsVerdict (scheme: string, token: string, payload: JWTPayload, check: KjTokenCheck): Promise<KjToken> {
  checkAudience(payload, check.audience)
  if ((payload.exp as number) - (payload.iat as number) > check.maxLifetime + SKEW) {
    throw invalid(`the token is valid for ${(payload.exp as number) - (payload.iat as number)} seconds; at most ${check.maxLifetime} is accepted`)
  }
  if (!scopesOf(payload).includes(check.scope)) throw new KjError('KJF-000197', `the token has no scope ${check.scope}`)
  const pid = payload[CLAIM.pid]
  const securityLevel = payload[CLAIM.securityLevel]
  if (pid !== undefined && securityLevel !== '4') throw new KjError('KJF-000216', `security_level is '${String(securityLevel)}'; Kjernejournal requires 4`)
  checkClientAuthentication(payload)
  const orgnrParent = payload[CLAIM.orgnrParent]
  const clientId = payload.client_id
  if (typeof orgnrParent !== 'string') throw new KjError('KJF-000218', `the token has no ${CLAIM.orgnrParent}`)
  if (typeof clientId !== 'string') throw new KjError('KJF-000218', 'the token has no client_id')
  const { jkt, proof } = await checkDpop(payload, scheme, token, check)
  const child = payload[CLAIM.orgnrChild]
  const hpr = payload[CLAIM.hprNumber]
  // Frozen: a Bearer verdict is handed to every later request with the same token.
  return Object.freeze({
    raw: token,
    scheme: scheme === 'dpop' ? 'dpop' : 'bearer',
    payload,
    clientId,
    orgnrParent,
    ...(typeof child === 'string' && { orgnrChild: child }),
    ...(typeof pid === 'string' && { pid }),
    ...(typeof hpr === 'string' && { hprNumber: hpr }),
    ...(typeof securityLevel === 'string' && { securityLevel }),
    ...(jkt !== undefined && { jkt }),
    ...(proof !== undefined && { proof })
  })
}
