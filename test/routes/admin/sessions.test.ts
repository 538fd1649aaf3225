/** Sessions keep parallel test runs apart; the clock moves time per session. */
import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { build, ISSUER } from '../../helper.js'
import { ci, ciToken, CI, entryCount } from '../../support/critical-info.js'
import { EPJ_SYSTEM, helseindikator } from '../../support/kj.js'

const PLAIN = '24868510168'

t.test('a session by path prefix has its own issuer, data and clock', async (t) => {
  const app = await build(t)
  const discovery = (await app.inject('/s/team-a/.well-known/openid-configuration')).json()
  t.equal(discovery.issuer, `${ISSUER}/s/team-a`)
  t.equal(discovery.token_endpoint, `${ISSUER}/s/team-a/connect/token`)
  const tokenA = (await app.inject({ method: 'POST', url: '/s/team-a/v2/create-test-token-with-key', payload: { audience: 'nhn:kjernejournal', withoutDefaultUserClaims: true } })).json().successResponse.accessTokenJwt
  const asA = await app.inject({ method: 'POST', url: '/s/team-a/v1/helseindikator', headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json', 'x-epj-system': EPJ_SYSTEM }, payload: { fnr: PLAIN } })
  t.equal(asA.statusCode, 200, asA.body)
  const elsewhere = await app.inject({ method: 'POST', url: '/s/team-b/v1/helseindikator', headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json', 'x-epj-system': EPJ_SYSTEM }, payload: { fnr: PLAIN } })
  t.equal(elsewhere.json().feilkode, 'KJF-000198', "another session's issuer does not accept the token")
})

t.test('records written in one session are not seen in another', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const created = await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: sampleResource('KjConditionInfection', PLAIN), headers: { 'x-sandbox-session': 'one' } })
  t.equal(created.statusCode, 201, created.body)
  const inOne = await ci(app, 'GET', '/Condition', { token, nin: PLAIN, headers: { 'x-sandbox-session': 'one' } })
  const inTwo = await ci(app, 'GET', '/Condition', { token, nin: PLAIN, headers: { 'x-sandbox-session': 'two' } })
  const inDefault = await ci(app, 'GET', '/Condition', { token, nin: PLAIN })
  t.equal(entryCount(inOne), 1)
  t.equal(entryCount(inTwo), 0)
  t.equal(entryCount(inDefault), 0)
  t.equal((await helseindikator(app, { fnr: PLAIN }, { headers: { 'x-sandbox-session': 'one' } })).json().status, 4)
  t.equal((await helseindikator(app, { fnr: PLAIN })).json().status, 2)
})

t.test('isolation holds under parallel requests', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const ids = Array.from({ length: 8 }, (_, i) => `par-${i}`)
  await Promise.all(ids.flatMap((id, i) => Array.from({ length: i + 1 }, () =>
    ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: sampleResource('KjConditionInfection', PLAIN), headers: { 'x-sandbox-session': id } }))))
  const totals = await Promise.all(ids.map(async (id) => entryCount(await ci(app, 'GET', '/Condition', { token, nin: PLAIN, headers: { 'x-sandbox-session': id } }))))
  t.same(totals, [1, 2, 3, 4, 5, 6, 7, 8], 'each session holds exactly what was written to it')
})

t.test('the clock: read, set, advance, reset; advancing expires a real ticket in that session only', async (t) => {
  const app = await build(t)
  const res = await helseindikator(app, { fnr: '17815810112', samtykke: 'HPAKUTT' }, { headers: { 'x-sandbox-session': 'clocked' } })
  const ticket = res.json().ticket as string
  // A fresh user token each time, stamped by the session's own clock, so only the ticket can be stale.
  const user = async (session: string) => (await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', headers: { 'x-sandbox-session': session }, payload: { audience: 'nhn:kjernejournal', userClaimsParameters: { pid: '01887840020', hprNumber: '900100101' } } })).json().successResponse.accessTokenJwt as string
  const everything = async (session: string) => app.inject({ url: '/v1/fhir/Patient/$everything', headers: { authorization: `Bearer ${await user(session)}`, 'x-epj-system': EPJ_SYSTEM, 'x-kj-ticket': ticket, 'x-sandbox-session': session } })
  t.equal((await everything('clocked')).statusCode, 200)
  const advanced = await app.inject({ method: 'POST', url: '/s/clocked/__admin/clock/advance', payload: { minutes: 61 } })
  t.equal(advanced.statusCode, 200)
  t.equal(advanced.json().offsetMs, 61 * 60_000)
  const expired = await everything('clocked')
  t.equal(expired.headers['nhn-error-code'], 'KJF-000015', 'the ticket expired in sandbox time')
  t.equal((await app.inject('/__admin/clock')).json().offsetMs, 0, 'the default session did not move')
  const set = await app.inject({ method: 'PUT', url: '/__admin/clock', headers: { 'x-sandbox-session': 'clocked' }, payload: { now: '2030-01-01T00:00:00Z' } })
  t.equal(set.json().now.slice(0, 16), '2030-01-01T00:00')
  t.equal((await app.inject({ method: 'DELETE', url: '/s/clocked/__admin/clock' })).json().offsetMs, 0)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/clock/advance', payload: {} })).statusCode, 400)
  t.equal((await app.inject({ method: 'PUT', url: '/__admin/clock', payload: { now: 'tomorrow' } })).statusCode, 400)
})

t.test('sessions: list, create, reset, delete, bounded, bad ids', async (t) => {
  const app = await build(t, { MAX_SESSIONS: '3' })
  const created = await app.inject({ method: 'POST', url: '/__admin/sessions', payload: { id: 'ci-job-1' } })
  t.equal(created.statusCode, 201)
  t.match(created.json(), { id: 'ci-job-1', baseUrl: `${ISSUER}/s/ci-job-1` })
  t.equal((await app.inject({ method: 'POST', url: '/__admin/sessions', payload: { id: 'ci-job-1' } })).statusCode, 409)
  t.match((await app.inject({ method: 'POST', url: '/__admin/sessions', payload: {} })).json(), { id: /^[0-9a-f]{12}$/ })
  await app.inject('/s/third/__admin/clock')
  await app.inject('/s/fourth/__admin/clock')
  const ids = (await app.inject('/__admin/sessions')).json().map((s: { id: string }) => s.id)
  t.equal(ids.length, 3, 'bounded by MAX_SESSIONS')
  t.ok(ids.includes('default'), 'default is never evicted')
  t.notOk(ids.includes('ci-job-1'), 'the least recently used went first')
  const token = await ciToken(app)
  await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: sampleResource('KjConditionInfection', PLAIN), headers: { 'x-sandbox-session': 'fourth' } })
  t.equal((await app.inject({ method: 'POST', url: '/__admin/sessions/fourth/reset' })).statusCode, 200)
  t.equal(entryCount(await ci(app, 'GET', '/Condition', { token, nin: PLAIN, headers: { 'x-sandbox-session': 'fourth' } })), 0, 'reset empties what was written')
  t.equal(entryCount(await ci(app, 'GET', '/Condition', { token, nin: '17815810112', headers: { 'x-sandbox-session': 'fourth' } })) >= 1, true, 'and keeps the seeded fixtures')
  t.equal((await app.inject({ method: 'DELETE', url: '/__admin/sessions/fourth' })).statusCode, 204)
  t.equal((await app.inject('/__admin/sessions/fourth')).statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/reset' })).statusCode, 204)
  t.same((await app.inject('/__admin/sessions')).json().map((s: { id: string }) => s.id), ['default'])
  t.equal((await app.inject({ url: '/__admin/clock', headers: { 'x-sandbox-session': 'bad id!' } })).statusCode, 400)
  t.equal((await app.inject(`/s/has.dot${CI}/metadata`)).statusCode, 404, 'a prefix that is no session id is just an unknown path')
})

t.test('ADMIN_TOKEN protects /__admin but not health', async (t) => {
  const app = await build(t, { ADMIN_TOKEN: 'sekret-token' })
  t.equal((await app.inject('/__admin/sessions')).statusCode, 401)
  t.equal((await app.inject({ url: '/__admin/sessions', headers: { authorization: 'Bearer wrong-token' } })).statusCode, 401)
  t.equal((await app.inject({ url: '/__admin/sessions', headers: { authorization: 'Bearer sekret-token' } })).statusCode, 200)
  t.equal((await app.inject('/__admin/health')).statusCode, 200)
})

t.test('the OpenAPI document lists the admin API; Swagger UI is served at /docs', async (t) => {
  const app = await build(t)
  const doc = (await app.inject('/openapi.json')).json()
  for (const path of ['/__admin/sessions', '/__admin/clock', '/__admin/clients', '/__admin/reset', '/v1/helseindikator', '/connect/token']) {
    t.ok(doc.paths[path] !== undefined || Object.keys(doc.paths).some((p) => p.startsWith(path)), `${path} is documented`)
  }
  const ui = await app.inject('/docs/')
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
})
