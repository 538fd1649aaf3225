/** The shipped scenarios do what their descriptions say, against the real faces. */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { fireScenario } from '../../server/domain/scenarios/engine.js'
import { requestFacts } from '../../server/domain/scenarios/facts.js'
import { ScenarioRuntime } from '../../server/domain/scenarios/runtime.js'
import { build } from '../helper.js'
import { ci, ciToken, DOCTOR, expectOutcome, expectTicketOutcome, kjUserToken, legacy, NURSE, ticketFor } from '../support/critical-info.js'
import { helseindikator, ping, systemToken, testToken } from '../support/kj.js'

const PLAIN = '24868510168'
const KRISTIAN = '17815810112'

async function withScenario (t: Parameters<typeof build>[0], name: string): Promise<FastifyInstance> {
  const app = await build(t)
  const res = await app.inject({ method: 'POST', url: `/__admin/scenarios/${name}/activate` })
  if (res.statusCode !== 200) throw new Error(res.body)
  return app
}

t.test('every shipped file loads, with a kebab-case name and a description', async (t) => {
  const app = await build(t)
  const listing = (await app.inject({ url: '/__admin/scenarios' })).json()
  t.same(listing.errors, [])
  t.ok(listing.scenarios.length >= 10)
  for (const s of listing.scenarios) {
    t.match(s.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, s.name)
    t.ok(s.description.length > 40, `${s.name} explains itself`)
  }
})

t.test('ticket-expires-mid-visit: two calls, then KJF-000015 until a fresh ticket', async (t) => {
  const app = await withScenario(t, 'ticket-expires-mid-visit')
  const token = await kjUserToken(app)
  const ticket = await ticketFor(app, KRISTIAN)
  const everything = (tk = ticket) => legacy(app, 'GET', '/Patient/$everything', { token, ticket: tk })
  t.equal((await everything()).statusCode, 200)
  t.equal((await everything()).statusCode, 200)
  expectTicketOutcome(t, await everything(), 'KJF-000015', 401)
  expectTicketOutcome(t, await everything(), 'KJF-000015', 401)
  const fresh = await ticketFor(app, KRISTIAN)
  t.equal((await everything(fresh)).statusCode, 200, 'a fresh ticket starts it over')
})

t.test('hpr-registry-down: about half the FHIR calls answer KJX-000003, repeatably', async (t) => {
  const app = await withScenario(t, 'hpr-registry-down')
  const token = await ciToken(app)
  const run = async () => {
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await ci(app, 'GET', '/Condition', { token, nin: PLAIN })).statusCode)
    return statuses
  }
  const first = await run()
  t.ok(first.every((s) => s === 200 || s === 503))
  const down = first.filter((s) => s === 503).length
  t.ok(down > 5 && down < 25, `${down} of 30 down`)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token, nin: PLAIN, headers: { 'x-sandbox-force-error': 'KJX-000003' } }), 'KJX-000003', 503)
  await app.inject({ method: 'POST', url: '/__admin/scenarios/reset' })
  await app.inject({ method: 'POST', url: '/__admin/scenarios/hpr-registry-down/activate' })
  t.same(await run(), first, 'after a reset the same draws come again')
  t.equal((await ping(app)).statusCode, 200, 'the REST face does not ask HPR')
})

t.test('kafka-trouble: writes fail with KI-0004; reads and status work', async (t) => {
  const app = await withScenario(t, 'kafka-trouble')
  const token = await ciToken(app)
  expectOutcome(t, await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: sampleResource('KjConditionInfection', PLAIN) }), 'KI-0004', 500)
  t.equal((await ci(app, 'GET', '/Condition', { token, nin: PLAIN })).statusCode, 200)
  t.equal((await ci(app, 'POST', '/status', { token, nin: PLAIN, body: { nin: PLAIN } })).statusCode, 200)
})

t.test('slow-network: every face but admin waits about 800 ms', async (t) => {
  const app = await withScenario(t, 'slow-network')
  const waits: number[] = []
  app.scenarios.sleep = async (ms) => { waits.push(ms) }
  await app.inject({ url: '/.well-known/openid-configuration' })
  await ping(app, { token: null })
  await app.inject({ url: '/__admin/scenarios' })
  t.equal(waits.length, 2, 'HelseID and Kjernejournal wait; admin does not')
  t.ok(waits.every((ms) => ms > 0 && ms < 2000), waits.join(', '))
})

t.test('patient-blocks-user: the blocked doctor gets KI-0018 / KJF-000352 for that patient only', async (t) => {
  const app = await withScenario(t, 'patient-blocks-user')
  const doctor = await ciToken(app, DOCTOR)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: doctor, nin: PLAIN }), 'KI-0018', 403)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: doctor, nin: PLAIN, basis: 'AKUTT' }), 'KI-0018', 403)
  t.equal((await ci(app, 'GET', '/Condition', { token: doctor, nin: KRISTIAN })).statusCode, 200, 'other patients')
  t.equal((await ci(app, 'GET', '/Condition', { token: await ciToken(app, NURSE), nin: PLAIN, role: 'SP' })).statusCode, 200, 'other users')
  const ticket = await ticketFor(app, PLAIN)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token: await kjUserToken(app, DOCTOR), ticket }), 'KJF-000352', 403)
})

t.test('restriction-set: KI-0019 / KJF-000179 without an elevated basis', async (t) => {
  const app = await withScenario(t, 'restriction-set')
  const doctor = await ciToken(app)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: doctor, nin: KRISTIAN }), 'KI-0019', 403)
  const elevated = await ci(app, 'GET', '/Condition', { token: doctor, nin: KRISTIAN, basis: 'FORHOYET_SAMTYKKE' })
  t.not(elevated.json().issue?.[0]?.details?.coding?.[0]?.code, 'KI-0019', 'an elevated basis passes the scenario')
  t.equal((await ci(app, 'GET', '/Condition', { token: doctor, nin: PLAIN })).statusCode, 200, 'other patients')
  const ticket = await ticketFor(app, KRISTIAN)
  const token = await kjUserToken(app)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token, ticket }), 'KJF-000179', 403)
  const opened = await legacy(app, 'GET', '/Patient/$everything', { token, ticket, headers: { 'kj-samtykke-sperret-kritiskinfo': 'HPMOTTATTSAMTYKKE' } })
  t.not(opened.headers['nhn-error-code'], 'KJF-000179')
})

t.test('token-lifetime-too-long: KJF-000198 with diagnostics on the REST face', async (t) => {
  const app = await withScenario(t, 'token-lifetime-too-long')
  const res = await ping(app)
  t.equal(res.statusCode, 401)
  t.match(res.json(), { feilkode: 'KJF-000198', utviklermelding: /7200 seconds/ })
  t.equal((await helseindikator(app, { fnr: PLAIN })).json().feilkode, 'KJF-000198')
})

t.test('helseindikator-status-0: shaped as a real status 0, with no ticket key and no fields of the other statuses', async (t) => {
  const app = await withScenario(t, 'helseindikator-status-0')
  const normal = await helseindikator(app, { fnr: '12345678901' })
  const keysOf = (body: Record<string, unknown>): string[] => Object.keys(body).filter((k) => /^[a-zA-Z]+$/.test(k) && ['status', 'returTekst', 'ticket', 'harLegemidler', 'harLasteResepter', 'eksistererBlokkertHelsepersonell', 'sperringDetaljer', 'sistEndretKritiskInfo', 'sistEndretKritiskInfoDato'].includes(k)).sort()
  for (const url of ['/v1/helseindikator', '/v1/helseindikator/status']) {
    const res = await helseindikator(app, { fnr: KRISTIAN }, { url })
    t.equal(res.statusCode, 200)
    const body = res.json() as Record<string, unknown>
    t.match(body, { status: 0, returTekst: /ikke et gyldig/ }, url)
    t.notOk('ticket' in body, `${url}: no ticket key at all`)
    t.same(keysOf(body), keysOf(normal.json() as Record<string, unknown>), `${url}: the fields of a real status 0 (an fnr that is no number)`)
  }
})

t.test('flaky-helseindikator: KJS-000077 once, then normal; reset makes it fail again', async (t) => {
  const app = await withScenario(t, 'flaky-helseindikator')
  const token = await systemToken(app)
  const call = async () => (await helseindikator(app, { fnr: PLAIN }, { token })).statusCode
  t.same([await call(), await call(), await call()], [500, 200, 200])
  await app.inject({ method: 'POST', url: '/__admin/scenarios/reset' })
  t.same([await call(), await call()], [200, 200], 'reset also goes back to the start set, without it')
  await app.inject({ method: 'POST', url: '/__admin/scenarios/flaky-helseindikator/activate' })
  t.same([await call(), await call()], [500, 200])
})

t.test('helseid-down: token and discovery answer server_error 503; the test-token service works', async (t) => {
  const app = await withScenario(t, 'helseid-down')
  const token = await app.inject({ method: 'POST', url: '/connect/token', payload: { grant_type: 'client_credentials' } })
  t.equal(token.statusCode, 503)
  t.match(token.json(), { error: 'server_error', error_description: /temporarily unavailable/ })
  t.equal((await app.inject({ url: '/.well-known/openid-configuration' })).statusCode, 503)
  t.ok(await testToken(app, {}), 'a test token is still issued')
})

t.test('connection-resets: some Kjernejournal calls are cut, HelseID is not', async (t) => {
  const app = await withScenario(t, 'connection-resets')
  let cut = 0
  for (let i = 0; i < 60; i++) await ping(app, { token: null }).catch(() => { cut++ })
  t.ok(cut > 0 && cut < 20, `${cut} of 60 cut`)
  for (let i = 0; i < 20; i++) await app.inject({ url: '/.well-known/openid-configuration' })
})

t.test('garbled-helseindikator: status 200, a body that is not JSON', async (t) => {
  const app = await withScenario(t, 'garbled-helseindikator')
  const res = await helseindikator(app, { fnr: PLAIN })
  t.equal(res.statusCode, 200)
  t.throws(() => JSON.parse(res.body))
})

t.test('slow-everything: $everything dribbles over five seconds (checked without waiting)', async (t) => {
  const app = await build(t)
  const scenario = app.scenarios.registry.get('slow-everything')!
  const runtime = new ScenarioRuntime()
  runtime.start([], 1)
  const facts = (url: string) => requestFacts({ url, method: 'GET', headers: {}, body: undefined })
  t.same(fireScenario(scenario, facts('/v1/fhir/Patient/$everything'), runtime)?.outcome, { action: { kind: 'fault', fault: 'dribble', dribbleMs: 5000 } })
  t.equal(fireScenario(scenario, facts('/v1/fhir/Condition'), runtime), undefined)
})
