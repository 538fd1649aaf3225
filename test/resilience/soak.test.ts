/**
 * A bounded soak: mixed traffic (new sessions, system tokens with client assertions, DPoP-bound
 * tokens, helseindikator tickets, critical-information writes and reads, the ticket face, admin
 * changes, logins by strangers) for SOAK_SECONDS (default 4), with MAX_SESSIONS small so sessions
 * come and go. After a warm-up, heap used after a full GC must stay flat, and every cache within
 * its bound, per session and across sessions. Figures are printed.
 */
import t from 'tap'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { POOL_CAPS, type Session } from '../../server/domain/session.js'
import { build, tokenRequest } from '../helper.js'
import { authorizeQuery, pkce } from '../support/login.js'
import { CI, ciHeaders, ciToken, kjUserToken } from '../support/critical-info.js'
import { dpopKey, dpopProof } from '../support/dpop.js'
import { EPJ_SYSTEM } from '../support/kj.js'
import { VERIFIED_TOKENS_MAX } from '../../server/domain/helseid/verified-tokens.js'

const SECONDS = Math.max(1, Number(process.env.SOAK_SECONDS ?? 4))
const MAX_SESSIONS = 4
/** Iterations a "CI job" runs in its session before the next job takes a new one. */
const JOB_LENGTH = 5
const PLAIN = '24868510168'
const MB = 1024 * 1024

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * Heap used after a full GC, once the event loop has turned: a tight loop of `inject()` calls
 * never reaches the loop's check phase, so each request's pending setImmediate (and the whole
 * request it holds) would still be alive and look like a leak of ~13 KB a request.
 */
async function heapAfterGc (): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20))
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

interface Sizes { [cache: string]: number }

function cacheSizes (sessions: readonly Session[]): Sizes {
  const max = (f: (s: Session) => number): number => Math.max(0, ...sessions.map(f))
  const sum = (f: (s: Session) => number): number => sessions.reduce((n, s) => n + f(s), 0)
  return {
    'authorization codes (all sessions)': sum((s) => s.codes.size),
    'login-page requests (all sessions)': sum((s) => s.interactions.size),
    'critical-information bytes (all sessions)': sum((s) => s.criticalInfo.bytes),
    sessions: sessions.length,
    'journal (largest session)': max((s) => s.journal.size),
    'assertion jtis': max((s) => s.assertionJtis.size),
    'DPoP proof jtis': max((s) => s.dpopJtis.size),
    'authorization codes': max((s) => s.codes.size),
    'refresh tokens': max((s) => s.refreshTokens.size),
    'critical-information records': max((s) => s.criticalInfo.size)
  }
}

t.test(`soak: ${SECONDS} s of mixed traffic, memory flat, caches bounded`, async (t) => {
  const app = await build(t, { MAX_SESSIONS: String(MAX_SESSIONS), DPOP_NONCE: 'false' })
  const key = await dpopKey()
  let requests = 0
  let failures = 0
  const expect = (status: number, wanted: number, what: string): void => {
    requests++
    if (status !== wanted) {
      failures++
      if (failures <= 5) t.fail(`${what} answered ${status}, expected ${wanted}`)
    }
  }

  let job = 0
  const iteration = async (i: number): Promise<void> => {
    if (i % JOB_LENGTH === 0) job++
    const session = { 'x-sandbox-session': `soak-${job}` }
    // A system token (client assertion: one more jti), helseindikator and its ticket.
    const tokenRes = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }, session)
    expect(tokenRes.statusCode, 200, 'token')
    const indicator = await app.inject({
      method: 'POST',
      url: '/v1/helseindikator',
      headers: { ...session, authorization: `Bearer ${tokenRes.json().access_token as string}`, 'x-epj-system': EPJ_SYSTEM, 'content-type': 'application/json' },
      payload: { fnr: PLAIN, samtykke: 'HPMOTTATTSAMTYKKE' }
    })
    expect(indicator.statusCode, 200, 'helseindikator')
    // A DPoP-bound token: one more proof jti.
    const dpop = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }, {
      ...session, dpop: await dpopProof(key, { htu: 'http://sandbox.test/connect/token' })
    })
    expect(dpop.statusCode, 200, 'DPoP token')
    // Critical information: a write and a search in the job's session, and the ticket face.
    const token = await ciToken(app)
    const created = await app.inject({
      method: 'POST',
      url: `${CI}/Condition`,
      headers: { ...session, authorization: `Bearer ${token}`, ...ciHeaders(PLAIN), 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(sampleResource('KjConditionInfection', PLAIN))
    })
    expect(created.statusCode, 201, 'create')
    const search = await app.inject({ method: 'GET', url: `${CI}/Condition`, headers: { ...session, authorization: `Bearer ${token}`, ...ciHeaders(PLAIN) } })
    expect(search.statusCode, 200, 'search')
    const everything = await app.inject({
      method: 'GET',
      url: '/v1/fhir/Patient/$everything',
      headers: { ...session, authorization: `Bearer ${await kjUserToken(app)}`, 'x-epj-system': EPJ_SYSTEM, 'x-kj-ticket': indicator.json().ticket as string }
    })
    expect(everything.statusCode, 200, '$everything')
    // Admin changes that replace rather than add.
    const client = await app.inject({ method: 'PUT', url: `/__admin/clients/soak-${i % 3}`, payload: { client_secret: 'soak-secret-1', orgnr_parent: '310001406' } })
    expect(client.statusCode, i < 3 ? 201 : 200, 'client')
    requests += 2 // the two test-token calls
    // A stranger's logins with the public demo client: a code, and a login page left open.
    const code = await app.inject(`/s/soak-${job}/connect/authorize?${authorizeQuery({ test_pid: '01887840020', code_challenge: pkce().challenge })}`)
    expect(code.statusCode, 302, 'authorize')
    const page = await app.inject(`/s/soak-${job}/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge })}`)
    expect(page.statusCode, 200, 'login page')
    poolsTrue &&= poolsAgree()
  }
  /** Every pool counts exactly what the live sessions hold: evicted sessions gave theirs back. */
  const poolsAgree = (): boolean => {
    const sessions = app.sandbox.sessions.list()
    const pools = app.sandbox.sessions.shared.pools
    const ci = app.sandbox.sessions.shared.criticalInfoBudget
    return pools.codes.size === sessions.reduce((n, s) => n + s.codes.size, 0) &&
      pools.interactions.size === sessions.reduce((n, s) => n + s.interactions.size, 0) &&
      ci.usedBytes === sessions.reduce((n, s) => n + s.criticalInfo.bytes, 0)
  }
  let poolsTrue = true

  const started = performance.now()
  const warmUpUntil = started + SECONDS * 1000 * 0.3
  const until = started + SECONDS * 1000
  let i = 0
  // Warm-up: at least one full turn of the sessions, so every cache has reached its steady size.
  while (performance.now() < warmUpUntil || i < MAX_SESSIONS * JOB_LENGTH) await iteration(i++)
  const warmUpIterations = i
  const baseline = await heapAfterGc()
  const baselineRequests = requests
  const samples: number[] = [baseline]
  let nextSample = performance.now() + 500
  let largest = cacheSizes(app.sandbox.sessions.list())
  while (performance.now() < until || i < warmUpIterations + 2 * MAX_SESSIONS * JOB_LENGTH) {
    await iteration(i++)
    const sizes = cacheSizes(app.sandbox.sessions.list())
    for (const [cache, n] of Object.entries(sizes)) largest[cache] = Math.max(largest[cache] ?? 0, n)
    if (performance.now() >= nextSample) {
      samples.push(await heapAfterGc())
      nextSample = performance.now() + 500
    }
  }
  const final = await heapAfterGc()
  samples.push(final)
  largest = { ...largest, clients: app.sandbox.clients.size, 'verified token signatures': app.sandbox.verifiedTokens.size }

  t.equal(failures, 0, `every answer as expected (${requests} requests)`)
  t.ok(largest.sessions! <= MAX_SESSIONS, `sessions stay within MAX_SESSIONS (${largest.sessions} <= ${MAX_SESSIONS})`)
  t.ok(largest['critical-information records']! <= JOB_LENGTH + 10, 'a session holds only its own job\'s records')
  t.ok(largest['journal (largest session)']! <= 1000, 'the journal is a ring of 1000')
  t.ok(poolsTrue, 'the cross-session pools count exactly what live sessions hold, through evictions')
  t.ok(largest['authorization codes (all sessions)']! <= POOL_CAPS.codes, `codes across sessions within ${POOL_CAPS.codes}`)
  t.ok(largest['login-page requests (all sessions)']! <= POOL_CAPS.interactions, `login-page requests across sessions within ${POOL_CAPS.interactions}`)
  const ciBudget = app.sandbox.sessions.shared.criticalInfoBudget
  t.ok(largest['critical-information bytes (all sessions)']! <= ciBudget.maxBytes, 'critical information across sessions within its budget')
  const budget = app.sandbox.sessions.journalBudget
  t.ok(budget.usedBytes <= budget.maxBytes, `the journals stay within JOURNAL_MAX_MB (${(budget.usedBytes / MB).toFixed(1)} MB used)`)
  t.ok(largest['verified token signatures']! <= VERIFIED_TOKENS_MAX, `the signature cache stays within its bound (${largest['verified token signatures']} <= ${VERIFIED_TOKENS_MAX})`)
  const growth = final - baseline
  t.ok(growth < 24 * MB, `heap used after GC stays flat: ${(growth / MB).toFixed(1)} MB over ${requests - baselineRequests} requests after warm-up`)
  const elapsed = (performance.now() - started) / 1000
  t.comment(`soak: ${elapsed.toFixed(1)} s, ${i} iterations, ${requests} requests (${Math.round(requests / elapsed)}/s), ${job} sessions made, at most ${MAX_SESSIONS} kept`)
  t.comment(`heap used after GC (MB): ${samples.map((b) => (b / MB).toFixed(1)).join(' ')}; growth after warm-up ${(growth / MB).toFixed(2)} MB`)
  t.comment(`largest cache sizes seen: ${Object.entries(largest).map(([k, v]) => `${k} ${v}`).join(', ')}`)
})

t.test('soak: hostile journal traffic over many sessions stays within the journal budget', async (t) => {
  // Refused requests with a 12 KB header and a 4 KB body (robustness probe, finding 3): before the
  // byte budget each kept 15-19 KB, 1000 per session, in each of MAX_SESSIONS sessions.
  const BUDGET_MB = 8
  const app = await build(t, { JOURNAL_MAX_MB: String(BUDGET_MB) })
  const headers = { 'x-filler': 'x'.repeat(12 * 1024), 'content-type': 'application/json' }
  const payload = JSON.stringify({ filler: 'y'.repeat(4 * 1024) })
  const send = async (n: number, from: number): Promise<void> => {
    for (let i = from; i < from + n; i++) {
      const res = await app.inject({ method: 'POST', url: `/s/hostile-${i % 40}/v1/helseindikator`, headers, payload })
      if (res.statusCode !== 401) t.fail(`request ${i}: ${res.statusCode}`)
    }
  }
  await send(500, 0)
  const baseline = await heapAfterGc()
  const count = 4000
  await send(count, 500)
  const growth = await heapAfterGc() - baseline
  const used = app.sandbox.sessions.journalBudget.usedBytes
  t.ok(used <= BUDGET_MB * MB, `journal budget held: ${(used / MB).toFixed(1)} of ${BUDGET_MB} MB`)
  t.ok(growth < 2 * BUDGET_MB * MB, `heap after GC grew ${(growth / MB).toFixed(1)} MB over ${count} hostile requests in 40 sessions`)
  t.comment(`hostile journal soak: ${count} requests, heap growth ${(growth / MB).toFixed(1)} MB, budget used ${(used / MB).toFixed(1)} MB`)
})

t.test('soak: a stranger\'s logins over many sessions stay within the cross-session pools', async (t) => {
  // Codes and login-page requests with 500-character states and nonces, in 40 sessions: before the
  // pools each session kept 10,000 of each, in each of MAX_SESSIONS sessions. The bound is held in
  // entries; what one entry holds is bounded by authorization.ts's MAX_PARAM_LENGTH.
  const CAP = 500
  // A small journal budget, so what is measured is the pools, not the journals filling theirs.
  const app = await build(t, { JOURNAL_MAX_MB: '1' }, { poolCaps: { codes: CAP, interactions: CAP } })
  const long = { state: 's'.repeat(500), nonce: 'n'.repeat(500) }
  const send = async (n: number, from: number): Promise<void> => {
    for (let i = from; i < from + n; i++) {
      const hint = i % 2 === 0 ? { test_pid: '01887840020' } : {}
      const res = await app.inject(`/s/stranger-${i % 40}/connect/authorize?${authorizeQuery({ ...long, ...hint, code_challenge: pkce().challenge })}`)
      if (res.statusCode !== (i % 2 === 0 ? 302 : 200)) t.fail(`request ${i}: ${res.statusCode}`)
    }
  }
  await send(2 * CAP, 0)
  const baseline = await heapAfterGc()
  const count = 3000
  await send(count, 2 * CAP)
  const mid = await heapAfterGc()
  await send(count, 2 * CAP + count)
  const growth = await heapAfterGc() - mid
  const pools = app.sandbox.sessions.shared.pools
  t.equal(pools.codes.size, CAP, `codes held at ${CAP} across 40 sessions`)
  t.equal(pools.interactions.size, CAP, `login-page requests held at ${CAP} across 40 sessions`)
  // Heap is shown, not asserted here: with the pools full it swings by ~27 MB from one round of
  // 3000 to the next (+28 then -26 in one run, +2 then +27 in another: hash tables rehashing as
  // entries come and go), which no bound this small can tell from growth. The entry counts above
  // are the bound; the first soak holds heap flatness over mixed traffic.
  t.comment(`stranger logins soak: ${count} requests per round, heap after GC ${((mid - baseline) / MB).toFixed(1)} MB then ${(growth / MB).toFixed(1)} MB`)
})
