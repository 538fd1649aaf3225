/**
 * Builds the sandbox for a test: `inject()` for most tests, `listen()` for end-to-end ones.
 * Every test gets a fresh sandbox, so nothing leaks between tests.
 */
import type { FastifyInstance } from 'fastify'
import { SignJWT, importJWK, type JWK, type CryptoKey } from 'jose'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { buildApp, type BuildOptions } from '../server/app.js'
import { loadConfig, type Config } from '../server/config.js'
import { CLIENT_ASSERTION_TYPE } from '../server/domain/helseid/claims.js'
import { generatePrivateJwk, type PrivateRsaJwk } from '../server/domain/helseid/key-generation.js'

export const ISSUER = 'http://sandbox.test'
export const TOKEN_ENDPOINT = `${ISSUER}/connect/token`
export const DEMO_CLIENT_ID = 'sandbox-demo-ehr'
export const DEMO_PRIVATE_JWK = JSON.parse(readFileSync(new URL('../fixtures/helseid/demo-client.private.jwk.json', import.meta.url), 'utf8')) as JWK

interface Teardown { teardown(fn: () => unknown): void }

export function testConfig (env: Record<string, string> = {}): Config {
  return loadConfig({ PUBLIC_URL: ISSUER, LOG_LEVEL: 'silent', ...env })
}

let testKey: Promise<PrivateRsaJwk> | undefined
/**
 * One HelseID signing key per test process (file), unless a test brings KEYS_FILE: a new RSA key
 * for every app a test builds cost ~0.4 s of CPU each, a tenth of the suite. Every app still has
 * its own sandbox; only the key material is shared.
 */
export function testSigningKey (): Promise<PrivateRsaJwk> {
  return (testKey ??= generatePrivateJwk())
}

export function testBuildOptions (env: Record<string, string>, options: BuildOptions = {}): BuildOptions {
  return { logger: false, ...(env.KEYS_FILE === undefined && { signingKey: testSigningKey() }), ...options }
}

/**
 * Build options whose wall clock stands still at the moment they are made, for a test that judges
 * an expiry to the second: on a running clock the test's own run time would move the answer.
 */
export function standingWall (): BuildOptions {
  const at = Date.now()
  return { wall: () => at }
}

export async function build (t: Teardown, env: Record<string, string> = {}, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(env), testBuildOptions(env, options))
  t.teardown(() => app.close())
  await app.ready()
  return app
}

let demoKey: Promise<CryptoKey> | undefined
export function demoClientKey (): Promise<CryptoKey> {
  return (demoKey ??= importJWK(DEMO_PRIVATE_JWK, 'RS256') as Promise<CryptoKey>)
}

export interface AssertionOptions {
  clientId?: string
  audience?: string
  key?: CryptoKey
  kid?: string
  jti?: string
  iat?: number
  exp?: number
  claims?: Record<string, unknown>
}

/** A client assertion as an EHR makes it (private_key_jwt), with knobs to break it. */
export async function clientAssertion (options: AssertionOptions = {}): Promise<string> {
  const clientId = options.clientId ?? DEMO_CLIENT_ID
  const now = Math.floor(Date.now() / 1000)
  const iat = options.iat ?? now
  return new SignJWT({ ...options.claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? DEMO_PRIVATE_JWK.kid as string, typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(options.audience ?? TOKEN_ENDPOINT)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(options.exp ?? iat + 60)
    .setJti(options.jti ?? randomUUID())
    .sign(options.key ?? await demoClientKey())
}

export function form (params: Record<string, string | undefined>): string {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined) body.set(name, value)
  return body.toString()
}

/** POSTs a form to the token endpoint, authenticated as the demo client unless told otherwise. */
export async function tokenRequest (app: FastifyInstance, params: Record<string, string | undefined>, headers: Record<string, string> = {}) {
  const assertion = 'client_assertion' in params ? {} : { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await clientAssertion() }
  return app.inject({
    method: 'POST',
    url: '/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: form({ ...assertion, ...params })
  })
}
