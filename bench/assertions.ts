/**
 * Client assertions for the token-endpoint load: a bench client with its own ES256 key, and a
 * pool of assertions signed before the run, since a jti is single-use and autocannon's
 * setupRequest cannot wait for an async signer. Signing is synchronous node:crypto, so what the
 * generator spends on it is measured and reported.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { performance } from 'node:perf_hooks'

export const BENCH_CLIENT_ID = 'bench-ehr'
const KID = 'bench-es256'
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** The sandbox accepts an assertion whose exp is at most 60 s ahead; use a pooled one for 50 s at most. */
const LIFETIME_S = 60
const POOL_FRESH_MS = 50_000

export interface BenchClient {
  readonly registration: Record<string, unknown>
  readonly privateKey: KeyObject
}

export function benchClient (): BenchClient {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'ES256', use: 'sig' }
  return {
    privateKey,
    registration: {
      client_id: BENCH_CLIENT_ID,
      client_name: 'Benchmark client (bench/)',
      jwks: { keys: [jwk] },
      orgnr_parent: '310001147',
      orgnr_child: '310001295'
    }
  }
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/** One client_credentials form body with a freshly signed assertion. */
export function tokenForm (client: BenchClient, audience: string, scope: string): string {
  const now = Math.floor(Date.now() / 1000)
  const input = `${b64({ alg: 'ES256', kid: KID, typ: 'JWT' })}.${b64({
    iss: BENCH_CLIENT_ID, sub: BENCH_CLIENT_ID, aud: audience, iat: now, nbf: now, exp: now + LIFETIME_S, jti: randomBytes(16).toString('hex')
  })}`
  const signature = sign('sha256', Buffer.from(input), { key: client.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')
  return new URLSearchParams({
    grant_type: 'client_credentials',
    scope,
    client_id: BENCH_CLIENT_ID,
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: `${input}.${signature}`
  }).toString()
}

export interface PoolStats {
  readonly presigned: number
  readonly presignMs: number
  readonly signedDuringRun: number
  readonly signMsDuringRun: number
}

/** Pre-signed token requests; signs on the spot (and counts it) when empty or stale. */
export class AssertionPool {
  private pool: string[] = []
  private next = 0
  private filledAt = 0
  private presigned = 0
  private presignMs = 0
  private onTheFly = 0
  private onTheFlyMs = 0

  constructor (private readonly make: () => string) {}

  fill (count: number): void {
    // Freshness counts from the first signature: that one expires first.
    this.filledAt = Date.now()
    const t0 = performance.now()
    this.pool = Array.from({ length: count }, () => this.make())
    this.next = 0
    this.presignMs = performance.now() - t0
    this.presigned = count
    this.onTheFly = 0
    this.onTheFlyMs = 0
  }

  take (): string {
    if (this.next < this.pool.length && Date.now() - this.filledAt < POOL_FRESH_MS) return this.pool[this.next++] as string
    const t0 = performance.now()
    const form = this.make()
    this.onTheFlyMs += performance.now() - t0
    this.onTheFly++
    return form
  }

  stats (): PoolStats {
    return { presigned: this.presigned, presignMs: this.presignMs, signedDuringRun: this.onTheFly, signMsDuringRun: this.onTheFlyMs }
  }
}

export function describePool (s: PoolStats, seconds: number): string {
  const each = s.presigned > 0 ? s.presignMs * 1000 / s.presigned : Number.NaN
  return `ES256 client assertions: ${s.presigned} pre-signed before the run in ${s.presignMs.toFixed(0)} ms ` +
    `(${Number.isFinite(each) ? each.toFixed(0) : '-'} µs each, not part of the measurement); ` +
    `${s.signedDuringRun} signed during the run by the load generator (${s.signMsDuringRun.toFixed(0)} ms of its CPU, ` +
    `${(s.signMsDuringRun / (seconds * 10)).toFixed(1)} % of one core)`
}
