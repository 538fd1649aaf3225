/**
 * The scenario engine in the running app: errors in each face's shape, the admin face left
 * alone, per-request activation, the force header, delays (awaited through an injected sleep,
 * never timed), overrides, and the start set from SCENARIOS.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { seededRandom } from '../../server/domain/random.js'
import { drawDelay } from '../../server/domain/scenarios/delay.js'
import { sessionSeed } from '../../server/domain/scenarios/runtime.js'
import { scenarioFirings } from '../../server/plugins/scenario-engine.js'
import { buildApp } from '../../server/app.js'
import { build, testConfig } from '../helper.js'
import { ci, ciToken, expectOutcome, expectTicketOutcome, kjUserToken, legacy, ticketFor } from '../support/critical-info.js'
import { helseindikator, ping } from '../support/kj.js'

const PLAIN = '24868510168'

/** Adds a scenario through the admin API; it is then used with X-Sandbox-Scenario. */
async function add (app: FastifyInstance, name: string, rules: unknown[]): Promise<{ 'x-sandbox-scenario': string }> {
  const res = await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: { name, rules } })
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`)
  return { 'x-sandbox-scenario': name }
}

t.test('an error is answered in the shape of the face it hits', async (t) => {
  const app = await build(t)
  const headers = await add(app, 'broken', [
    { when: { face: 'kjernejournal' }, then: { error: 'KJF-000198', diagnostics: 'too long' } },
    { when: { face: 'critical-information' }, then: { error: 'KI-0004', location: ['Condition.code'] } },
    { when: { face: 'fhir-legacy' }, then: { error: 'KI-0018' } },
    { when: { face: 'helseid' }, then: { oauthError: 'server_error', description: 'down', status: 503 } }
  ])
  const rest = await ping(app, { headers })
  t.equal(rest.statusCode, 401)
  t.match(rest.json(), { status: 401, feilkode: 'KJF-000198', utviklermelding: /too long/ })
  t.equal(rest.headers['x-kj-feilkode'], 'KJF-000198')

  const fhir = await ci(app, 'GET', '/Condition', { token: await ciToken(app), nin: PLAIN, headers })
  expectOutcome(t, fhir, 'KI-0004', 500)
  t.same(fhir.json().issue[0].location, ['Condition.code'], 'location, as the face renders it')

  const ticket = await ticketFor(app, PLAIN)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token: await kjUserToken(app), ticket, headers }), 'KJF-000352', 403)

  const token = await app.inject({ method: 'POST', url: '/connect/token', headers, payload: {} })
  t.equal(token.statusCode, 503)
  t.same(token.json(), { error: 'server_error', error_description: 'down' })
  t.equal(token.headers['cache-control'], 'no-store')
})

t.test('the admin API is left alone unless a rule names it', async (t) => {
  const app = await build(t)
  await add(app, 'everything', [{ then: { error: 'KJS-000077' } }])
  await app.inject({ method: 'POST', url: '/__admin/scenarios/everything/activate' })
  t.equal((await app.inject({ url: '/__admin/scenarios' })).statusCode, 200)
  t.equal((await ping(app, { token: null })).statusCode, 500, 'everything else is broken')
  await add(app, 'admin-down', [{ when: { face: 'admin', path: '/__admin/health' }, then: { error: 'KJS-000077', diagnostics: 'no' } }])
  const health = await app.inject({ url: '/__admin/health', headers: { 'x-sandbox-scenario': 'admin-down' } })
  t.equal(health.statusCode, 200, 'per-request headers do not reach admin either')
  await app.inject({ method: 'POST', url: '/__admin/scenarios/admin-down/activate' })
  const down = await app.inject({ url: '/__admin/health' })
  t.equal(down.statusCode, 500)
  t.same(down.json(), { error: 'KJS-000077', message: 'no' }, 'the admin shape')
  const forced = await app.inject({ url: '/__admin/scenarios', headers: { 'x-sandbox-force-error': 'KJS-000077' } })
  t.equal(forced.statusCode, 200, 'the force header is ignored on admin paths')
})

t.test('X-Sandbox-Scenario: for that request only; unknown names are refused', async (t) => {
  const app = await build(t)
  const headers = await add(app, 'once', [{ when: { face: 'kjernejournal' }, then: { error: 'KJS-000077' } }])
  await add(app, 'other', [{ when: { path: '/nowhere' }, then: { error: 'KJS-000077' } }])
  t.equal((await ping(app, { headers })).statusCode, 500)
  t.equal((await ping(app)).statusCode, 200, 'the next request without it is normal')
  t.equal((await ping(app, { headers: { 'x-sandbox-scenario': 'other, once' } })).statusCode, 500, 'several, comma-separated')
  const unknown = await ping(app, { headers: { 'x-sandbox-scenario': 'once,nope' } })
  t.equal(unknown.statusCode, 400)
  t.same(unknown.json(), { error: 'unknown_scenario', message: "x-sandbox-scenario: no scenario 'nope'; GET /__admin/scenarios lists them" })
})

t.test('X-Sandbox-Force-Error: catalogue codes, OAuth codes at HelseID, unknown codes refused', async (t) => {
  const app = await build(t)
  const rest = await ping(app, { headers: { 'x-sandbox-force-error': 'KJX-000003', 'x-sandbox-force-diagnostics': 'HPR is down' } })
  t.equal(rest.statusCode, 503)
  t.match(rest.json(), { feilkode: 'KJX-000003', utviklermelding: /HPR is down/ })
  const oauth = await app.inject({ method: 'POST', url: '/connect/token', headers: { 'x-sandbox-force-error': 'invalid_client', 'x-sandbox-force-diagnostics': 'who?' }, payload: {} })
  t.equal(oauth.statusCode, 400)
  t.same(oauth.json(), { error: 'invalid_client', error_description: 'who?' })
  t.equal((await app.inject({ url: '/.well-known/openid-configuration', headers: { 'x-sandbox-force-error': 'server_error' } })).statusCode, 500)
  t.equal((await app.inject({ url: '/connect/userinfo', headers: { 'x-sandbox-force-error': 'invalid_token' } })).statusCode, 401)
  const wrong = await app.inject({ method: 'POST', url: '/connect/token', headers: { 'x-sandbox-force-error': 'KJS-000077' }, payload: {} })
  t.equal(wrong.statusCode, 400)
  t.match(wrong.json(), { error: 'unknown_code', message: /OAuth error code/ })
  const unknown = await ping(app, { headers: { 'x-sandbox-force-error': 'KJF-999999' } })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json(), { error: 'unknown_code', message: /'KJF-999999' is not in the error catalogue/ })
})

t.test('the force header wins over scenarios and moves no counter', async (t) => {
  const app = await build(t)
  const headers = await add(app, 'seq', [{ when: { face: 'kjernejournal' }, then: { sequence: ['KJS-000077', 'ok'] } }])
  t.equal((await ping(app, { headers: { ...headers, 'x-sandbox-force-error': 'KJF-000013' } })).json().feilkode, 'KJF-000013')
  t.equal((await ping(app, { headers })).json().feilkode, 'KJS-000077', 'the sequence had not moved')
})

t.test('delay: the drawn wait is awaited before the answer', async (t) => {
  const app = await build(t, { SEED: '7' })
  const waits: number[] = []
  app.scenarios.sleep = async (ms) => { waits.push(ms) }
  const fixed = await add(app, 'fixed', [{ then: { delay: 1234 } }])
  t.equal((await ping(app, { headers: fixed })).statusCode, 200)
  t.same(waits, [1234])
  const normal = await add(app, 'normal', [{ when: { face: 'kjernejournal' }, then: { delay: { mean: 800, stddev: 200 } } }])
  await ping(app, { headers: normal })
  // The session's random has not been drawn from yet: its first draws decide.
  const expected = drawDelay({ mean: 800, stddev: 200 }, seededRandom(sessionSeed(7, 'default')))
  t.equal(waits[1], expected, `the seeded draw (${expected} ms)`)
  const slowError = await add(app, 'slow-error', [{ when: { face: 'kjernejournal' }, then: { delay: 5, error: 'KJS-000077' } }])
  t.equal((await ping(app, { headers: slowError })).statusCode, 500, 'a delay combines with an error')
  t.equal(waits[2], 5)
})

t.test('override: fields of the normal successful JSON answer', async (t) => {
  const app = await build(t)
  const headers = await add(app, 'zero', [{ when: { path: '/v1/helseindikator' }, then: { override: { status: 0, ticket: null, 'nested.field': true } } }])
  const res = await helseindikator(app, { fnr: PLAIN }, { headers })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { status: 0, ticket: null, nested: { field: true }, returTekst: 'Pasienten har kjernejournal' })
  const failed = await helseindikator(app, { fnr: PLAIN }, { headers, token: null })
  t.equal(failed.statusCode, 401)
  t.notOk('ticket' in failed.json(), 'error answers are left alone')
})

t.test('SCENARIOS: active from the start in every session; an unknown name stops start-up', async (t) => {
  const app = await build(t, { SCENARIOS: 'token-lifetime-too-long' })
  t.equal((await ping(app)).json().feilkode, 'KJF-000198')
  const listing = (await app.inject({ url: '/__admin/scenarios' })).json()
  t.same(listing.active, ['token-lifetime-too-long'])
  await t.rejects(build(t, { SCENARIOS: 'slow-network,nope' }), { name: 'ConfigError', message: /^Invalid setting SCENARIOS="slow-network,nope": no scenario 'nope' in / })
  await t.rejects(build(t, { SCENARIOS_DIR: '/no/such/folder', SCENARIOS_MODE: 'replace' }), { name: 'ConfigError', message: /SCENARIOS_DIR="\/no\/such\/folder": cannot be read \(ENOENT\)/ })
})

t.test('the rules that fired are known for the request', async (t) => {
  const app = await buildApp(testConfig(), { logger: false })
  t.teardown(() => app.close())
  let seen: unknown
  app.addHook('onResponse', async (request) => { if (request.url === '/v1/ping') seen = scenarioFirings(request) })
  const headers = await add(app, 'seen', [{ when: { path: '/nowhere' }, then: { delay: 1 } }, { name: 'pings', when: { face: 'kjernejournal' }, then: { nextState: 'pinged' } }])
  await ping(app, { headers })
  t.same(seen, [{ scenario: 'seen', rule: 1, ruleName: 'pings', outcome: {} }])
})

t.test('the journal shows which scenario rules fired and which one decided the answer', async (t) => {
  const app = await build(t)
  const headers = await add(app, 'counted', [{ name: 'count pings', when: { face: 'kjernejournal' }, then: { nextState: 'pinged' } }])
  const broken = await add(app, 'broken', [
    { when: { path: '/nowhere' }, then: { delay: 1 } },
    { name: 'ping fails', when: { face: 'kjernejournal' }, then: { sequence: ['KJF-000198', 'ok'] } }
  ])
  const res = await ping(app, { headers: { 'x-sandbox-scenario': `${headers['x-sandbox-scenario']},${broken['x-sandbox-scenario']}` } })
  t.equal(res.json().feilkode, 'KJF-000198')
  await ping(app)
  const listed = await app.inject({ url: '/__admin/requests?path=/v1/ping' })
  t.equal(listed.statusCode, 200)
  const [plain, failed] = listed.json().requests
  t.notOk('scenarioRules' in plain, 'no rule fired, no field')
  t.same(failed.scenarioRules, [
    { scenario: 'counted', rule: 0, ruleName: 'count pings', effect: 'none', applied: false },
    { scenario: 'broken', rule: 1, ruleName: 'ping fails', step: 0, effect: 'error KJF-000198', applied: true }
  ])
})
