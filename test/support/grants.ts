/**
 * What a grant handler needs, made without a sandbox: a signing key, lifetimes, a session's grant
 * state on a fixed clock, a client and a logged-in user. The grants' unit tests build their
 * context from these and read the tokens back with the key.
 */
import { exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from 'jose'
import type { Test } from 'tap'
import { createClock } from '../../server/domain/clock.js'
import { ExpiringMap } from '../../server/domain/expiring-map.js'
import { toClient, type Client, type ClientRegistration } from '../../server/domain/helseid/clients.js'
import type { GrantContext, GrantState, TokenLifetimes } from '../../server/domain/helseid/grants/context.js'
import { OAuthError } from '../../server/domain/helseid/oauth-error.js'
import type { SigningKey } from '../../server/domain/helseid/signing-keys.js'
import type { LoginIdentity } from '../../server/domain/helseid/token-minter.js'
import type { User } from '../../server/domain/world/users.js'

export const ISSUER = 'http://sandbox.test'
/** Sandbox time, milliseconds: fixed, so every stamp is exact. */
export const NOW_MS = 1_800_000_000_000
export const NOW = NOW_MS / 1000
/** Unlike the defaults, so a test sees which lifetime went where. */
export const LIFETIMES: TokenLifetimes = { access: 300, id: 120, refresh: 3600 }

const { privateKey, publicKey } = await generateKeyPair('RS256')
export const SIGNING_KEY: SigningKey = { kid: 'grant-test', alg: 'RS256', privateKey, publicJwk: { ...await exportJWK(publicKey), kid: 'grant-test' } }

/** A token the grant issued: signed with SIGNING_KEY, valid at `atMs`, and its claims. */
export async function claimsOf (token: string, atMs = NOW_MS): Promise<{ header: Record<string, unknown>, payload: JWTPayload }> {
  const { payload, protectedHeader } = await jwtVerify(token, publicKey, { currentDate: new Date(atMs) })
  return { header: protectedHeader, payload }
}

export function client (registration: Partial<ClientRegistration> = {}): Client {
  return toClient({
    client_id: 'acme-ehr',
    client_secret: 'acme-secret-123',
    orgnr_parent: '310001147',
    orgnr_child: '310001295',
    ...registration
  } as ClientRegistration)
}

export const USER: User = {
  pid: '01887840020',
  hprNumber: '900100101',
  givenName: 'Ingrid',
  familyName: 'Lege',
  securityLevel: '4',
  network: 'internett',
  idp: 'testidp-oidc',
  roles: ['LE'],
  registeredInKj: true,
  kjKnowledgeConfirmed: true,
  note: ''
}

export const IDENTITY: LoginIdentity = { user: USER, sid: 'sid-1', authTime: NOW - 60, amr: ['pwd'] }

/** A session's grant state whose clock stands at NOW_MS. */
export function grantState (): GrantState {
  return {
    clock: createClock(() => NOW_MS),
    codes: new ExpiringMap(10),
    refreshTokens: new ExpiringMap(10),
    endedSids: new ExpiringMap(10)
  }
}

export function grantContext (patch: Partial<GrantContext> = {}): GrantContext {
  return {
    signingKey: SIGNING_KEY,
    lifetimes: LIFETIMES,
    session: grantState(),
    issuer: ISSUER,
    client: client(),
    params: {},
    ...patch
  }
}

/** Asserts the grant refuses with exactly this OAuth error code (and, when given, these words). */
export async function refusal (t: Test, grant: Promise<unknown>, code: string, words: RegExp | undefined, name: string): Promise<void> {
  try {
    await grant
  } catch (err) {
    t.type(err, OAuthError, `${name}: an OAuthError`)
    t.equal((err as OAuthError).code, code, `${name}: ${code}`)
    if (words !== undefined) t.match((err as OAuthError).message, words, `${name}: says why`)
    return
  }
  t.fail(`${name}: a token was issued`)
}
