/**
 * Mints HelseID-shaped tokens: access tokens (`typ: at+jwt`, scope as an array, client claims,
 * user claims for logged-in users, `cnf.jkt` when DPoP-bound) and OIDC ID tokens.
 * Pure apart from the signing key and the time it is given.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/claims_enmd
 */
import { createHash, randomBytes } from 'node:crypto'
import { SignJWT, base64url, type JWTPayload } from 'jose'
import { CLAIM } from './claims.js'
import { tenancyOf, type Client } from './clients.js'
import type { TokenOrganisations } from './organisation-numbers.js'
import type { TillitsrammeverkAttest } from './tillitsrammeverk-attest.js'
import type { SigningKey } from './signing-keys.js'
import { assuranceLevelOf, fullName, type User } from '../world/users.js'

/** A logged-in user as HelseID knows them after login. */
export interface LoginIdentity {
  readonly user: User
  readonly sid: string
  /** Seconds since the epoch. */
  readonly authTime: number
  readonly amr: string[]
}

export interface AccessTokenRequest {
  readonly issuer: string
  readonly client: Client
  readonly scopes: readonly string[]
  readonly audiences: readonly string[]
  readonly now: number
  readonly lifetime: number
  readonly identity?: LoginIdentity
  readonly jkt?: string
  /** The organisation numbers HelseID settled on for this request (organisation-numbers.ts). */
  readonly organisations: Pick<TokenOrganisations, 'parent' | 'child'>
  /** The tillitsrammeverk attest, copied into the token as `authorization_details`. */
  readonly attest?: TillitsrammeverkAttest
  readonly extraClaims?: JWTPayload
}

export function randomId (bytes = 16): string {
  return randomBytes(bytes).toString('hex').toUpperCase()
}

/** HelseID's `sub` is a pseudonym: a hash of the client, the person and a salt. */
export function pseudonym (clientId: string, pid: string): string {
  return createHash('sha256').update(`${clientId}|${pid}|kjernejournal-sandbox`).digest('base64')
}

/** A single audience is a string, several an array: the shape HelseID emits. */
function audClaim (audiences: readonly string[]): string | string[] | undefined {
  if (audiences.length === 0) return undefined
  return audiences.length === 1 ? audiences[0] : [...audiences]
}

export function clientClaims (client: Client, organisations: Pick<TokenOrganisations, 'parent' | 'child'>): JWTPayload {
  const claims: JWTPayload = {
    client_id: client.client_id,
    [CLAIM.clientTenancy]: tenancyOf(client) === 'multi' ? 'multi-tenant' : 'single-tenant',
    [CLAIM.clientAmr]: client.authMethod === 'private_key_jwt' ? 'private_key_jwt' : 'client_secret',
    [CLAIM.clientAmrHelseId]: client.authMethod === 'private_key_jwt' ? 'rsa_private_key' : 'client_secret'
  }
  if (organisations.parent !== undefined) claims[CLAIM.orgnrParent] = organisations.parent
  if (organisations.child !== undefined) claims[CLAIM.orgnrChild] = organisations.child
  if (client.orgnr_supplier !== undefined) claims[CLAIM.orgnrSupplier] = client.orgnr_supplier
  if (client.client_name !== undefined) claims[CLAIM.clientName] = client.client_name
  return claims
}

export function userClaims (identity: LoginIdentity, clientId: string): JWTPayload {
  const { user } = identity
  const claims: JWTPayload = {
    sub: pseudonym(clientId, user.pid),
    sid: identity.sid,
    auth_time: identity.authTime,
    idp: user.idp,
    amr: identity.amr,
    [CLAIM.pid]: user.pid,
    [CLAIM.securityLevel]: user.securityLevel,
    [CLAIM.assuranceLevel]: assuranceLevelOf(user.securityLevel),
    [CLAIM.network]: user.network,
    name: fullName(user),
    given_name: user.givenName,
    family_name: user.familyName
  }
  if (user.middleName !== undefined) claims.middle_name = user.middleName
  if (user.hprNumber !== undefined) claims[CLAIM.hprNumber] = user.hprNumber
  return claims
}

export async function mintAccessToken (request: AccessTokenRequest, key: SigningKey): Promise<string> {
  const payload: JWTPayload = {
    ...clientClaims(request.client, request.organisations),
    ...(request.identity !== undefined ? userClaims(request.identity, request.client.client_id) : {}),
    scope: [...request.scopes],
    ...(request.attest !== undefined && { authorization_details: [request.attest] }),
    ...request.extraClaims
  }
  if (request.jkt !== undefined) payload.cnf = { jkt: request.jkt }
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(request.issuer)
    .setIssuedAt(request.now)
    .setNotBefore(request.now)
    .setExpirationTime(request.now + request.lifetime)
    .setJti(randomId())
  const aud = audClaim(request.audiences)
  if (aud !== undefined) jwt.setAudience(aud)
  return jwt.sign(key.privateKey)
}

/** OIDC `at_hash`: left half of the SHA-256 of the access token (RS256). */
export function accessTokenHash (accessToken: string): string {
  const digest = createHash('sha256').update(accessToken).digest()
  return base64url.encode(digest.subarray(0, digest.length / 2))
}

export interface IdTokenRequest {
  readonly issuer: string
  readonly client: Client
  readonly identity: LoginIdentity
  readonly scopes: readonly string[]
  readonly now: number
  readonly lifetime: number
  readonly nonce?: string
  readonly accessToken: string
}

export async function mintIdToken (request: IdTokenRequest, key: SigningKey): Promise<string> {
  const all = userClaims(request.identity, request.client.client_id)
  const scopes = new Set(request.scopes)
  const wants = (scope: string): boolean => scopes.has(scope) || scopes.has('helseid://scopes/identity/all')
  const payload: JWTPayload = {
    sub: all.sub,
    sid: all.sid,
    auth_time: all.auth_time,
    idp: all.idp,
    amr: all.amr,
    at_hash: accessTokenHash(request.accessToken)
  }
  if (request.nonce !== undefined) payload.nonce = request.nonce
  if (scopes.has('profile')) Object.assign(payload, { name: all.name, given_name: all.given_name, middle_name: all.middle_name, family_name: all.family_name })
  if (wants('helseid://scopes/identity/pid')) payload[CLAIM.pid] = all[CLAIM.pid]
  if (wants('helseid://scopes/identity/security_level')) payload[CLAIM.securityLevel] = all[CLAIM.securityLevel]
  if (wants('helseid://scopes/identity/assurance_level')) payload[CLAIM.assuranceLevel] = all[CLAIM.assuranceLevel]
  if (wants('helseid://scopes/identity/network')) payload[CLAIM.network] = all[CLAIM.network]
  if (scopes.has('helseid://scopes/hpr/hpr_number') && all[CLAIM.hprNumber] !== undefined) payload[CLAIM.hprNumber] = all[CLAIM.hprNumber]
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(request.issuer)
    .setAudience(request.client.client_id)
    .setIssuedAt(request.now)
    .setNotBefore(request.now)
    .setExpirationTime(request.now + request.lifetime)
    .sign(key.privateKey)
}
