/**
 * Authenticates the client at the token and PAR endpoints. HelseID requires private_key_jwt: a
 * client assertion signed with the client's key, `iss` = `sub` = client_id, `aud` the token
 * endpoint (or the issuer), a short `exp` and a single-use `jti`. Secret-based clients are
 * accepted so vendors can watch Kjernejournal refuse their tokens (KJF-000225).
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/protokoller-og-sikkerhetsprofil/sikkerhetsprofil/docs/vedlegg/klientautentisering_enmd
 */
import { timingSafeEqual } from 'node:crypto'
import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose'
import { ASYMMETRIC_ALGS, CLIENT_ASSERTION_TYPE } from './claims.js'
import type { Client, ClientRegistry } from './clients.js'
import type { ReplayGuard } from '../replay-guard.js'
import { describeUntrusted, quote } from '../untrusted-text.js'
import { OAuthError } from './oauth-error.js'

export interface ClientAuthInput {
  readonly client_id?: string | undefined
  readonly client_assertion?: string | undefined
  readonly client_assertion_type?: string | undefined
  readonly client_secret?: string | undefined
  /** The Authorization header, for client_secret_basic. */
  readonly authorization?: string | undefined
}

export interface ClientAuthContext {
  readonly clients: ClientRegistry
  readonly issuer: string
  readonly tokenEndpoint: string
  /** Seconds since the epoch, by the clock that judges client-made JWTs. */
  readonly now: number
  readonly maxLifetime: number
  readonly replay: ReplayGuard
}

const SKEW = 5

function invalidClient (description: string): OAuthError {
  return new OAuthError('invalid_client', description)
}

function secretsEqual (a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function parseBasic (authorization: string): { id: string, secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization)
  if (match === null) return undefined
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
}

/** For a claim that names a party (iss, sub, aud): what the assertion says and what was expected, so the fix is obvious. */
function describeClaimMismatch (err: errors.JWTClaimValidationFailed, expected: { clientId: string, tokenEndpoint: string, issuer: string }): string | undefined {
  if (err.claim === 'aud') return `it is ${describeUntrusted(err.payload.aud)}; expected the token endpoint ${quote(expected.tokenEndpoint)} or the issuer ${quote(expected.issuer)} (PUBLIC_URL sets both)`
  if (err.claim === 'iss' || err.claim === 'sub') return `it is ${describeUntrusted(err.payload[err.claim])}; expected the client_id ${quote(expected.clientId)} in both iss and sub`
  return undefined
}

function describeJoseFailure (err: unknown, expected: { clientId: string, tokenEndpoint: string, issuer: string }): string {
  if (err instanceof errors.JWTExpired) return 'client assertion has expired'
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'client assertion signature does not match any key registered for the client'
  if (err instanceof errors.JWKSNoMatchingKey) return 'no key registered for the client matches the client assertion (check kid and alg)'
  if (err instanceof errors.JWTClaimValidationFailed) return `client assertion claim '${err.claim}' is invalid: ${(err.reason === 'check_failed' ? describeClaimMismatch(err, expected) ?? err.message : err.reason)}`
  if (err instanceof errors.JOSEAlgNotAllowed) return 'client assertion must be signed with an asymmetric algorithm (RS256, PS256, ES256, ...)'
  if (err instanceof errors.JOSEError) return `client assertion is not a valid JWT (${err.message})`
  return 'client assertion could not be verified'
}

async function verifyAssertion (input: ClientAuthInput, ctx: ClientAuthContext): Promise<AuthenticatedClient> {
  if (input.client_assertion_type !== CLIENT_ASSERTION_TYPE) {
    throw invalidClient(`client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`)
  }
  const assertion = input.client_assertion as string
  let unverified
  try {
    unverified = decodeJwt(assertion)
  } catch {
    throw invalidClient('client assertion is not a JWT')
  }
  const clientId = unverified.sub ?? unverified.iss
  if (typeof clientId !== 'string') throw invalidClient('client assertion has no iss/sub naming the client')
  if (input.client_id !== undefined && input.client_id !== clientId) {
    throw invalidClient('client_id does not match the client assertion\'s iss/sub')
  }
  const client = ctx.clients.get(clientId)
  if (client === undefined) throw invalidClient(`unknown client '${clientId}'`)
  if (client.keySet === undefined) throw invalidClient(`client '${clientId}' is registered with a secret, not a key`)
  let payload
  try {
    ({ payload } = await jwtVerify(assertion, client.keySet, {
      issuer: clientId,
      subject: clientId,
      audience: [ctx.tokenEndpoint, ctx.issuer],
      algorithms: [...ASYMMETRIC_ALGS],
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(ctx.now * 1000),
      clockTolerance: SKEW
    }))
  } catch (err) {
    throw invalidClient(describeJoseFailure(err, { clientId, tokenEndpoint: ctx.tokenEndpoint, issuer: ctx.issuer }))
  }
  const exp = payload.exp as number
  if (exp - ctx.now > ctx.maxLifetime + SKEW) {
    throw invalidClient(`client assertion is valid for too long: exp may be at most ${ctx.maxLifetime} seconds ahead`)
  }
  if (!ctx.replay.firstUse(`${clientId}|${String(payload.jti)}`, (exp + SKEW) * 1000, ctx.now * 1000)) {
    throw invalidClient('client assertion jti has been used before')
  }
  return { client, assertion: payload }
}

function verifySecret (id: string | undefined, secret: string, ctx: ClientAuthContext): Client {
  const client = id !== undefined ? ctx.clients.get(id) : undefined
  if (client === undefined) throw invalidClient(`unknown client '${id ?? ''}'`)
  if (client.client_secret === undefined || !secretsEqual(client.client_secret, secret)) {
    throw invalidClient('client secret is wrong, or the client authenticates with a key (private_key_jwt)')
  }
  return client
}

/** The client, and the claims of its verified assertion (where EHRs put `authorization_details`). */
export interface AuthenticatedClient {
  readonly client: Client
  readonly assertion?: JWTPayload
}

/** Returns the authenticated client and its assertion's claims, or throws `invalid_client`. */
export async function authenticateClientRequest (input: ClientAuthInput, ctx: ClientAuthContext): Promise<AuthenticatedClient> {
  if (input.client_assertion !== undefined) return verifyAssertion(input, ctx)
  const basic = input.authorization !== undefined ? parseBasic(input.authorization) : undefined
  if (basic !== undefined) return { client: verifySecret(basic.id, basic.secret, ctx) }
  if (input.client_secret !== undefined) return { client: verifySecret(input.client_id, input.client_secret, ctx) }
  throw invalidClient('client authentication is missing: send a client_assertion (private_key_jwt)')
}
