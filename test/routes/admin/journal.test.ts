import t from 'tap'
import { build, tokenRequest } from '../../helper.js'
import { helseindikator, systemToken } from '../../support/kj.js'

const PLAIN = '24868510168'
const STATUS4 = '17815810112'
const NEW_NIN = '01887840020'

t.test('GET /__admin/requests: the journal, newest first, filtered, with redacted tokens', async (t) => {
  const app = await build(t)
  const token = await systemToken(app)
  const ok = await helseindikator(app, { fnr: PLAIN }, { token })
  const failed = await helseindikator(app, { fnr: PLAIN }, { token, headers: { 'x-epj-system': '' } })
  await helseindikator(app, { fnr: STATUS4 }, { token, url: '/v1/helseindikator/status' })

  const all = await app.inject('/__admin/requests')
  t.equal(all.statusCode, 200)
  const body = all.json()
  t.equal(body.total, 4, 'the token request and three helseindikator calls')
  t.same(body.requests.map((e: { path: string }) => e.path), ['/v1/helseindikator/status', '/v1/helseindikator', '/v1/helseindikator', '/connect/token'])
  t.notOk(all.body.includes(token), 'the token is never shown whole')
  t.notOk(all.body.includes(ok.json().ticket), 'nor the ticket')

  const byCode = await app.inject('/__admin/requests?code=KJF-000353')
  t.match(byCode.json(), { total: 1, requests: [{ status: 400, code: 'KJF-000353' }] })
  t.equal(`Id-${byCode.json().requests[0].eventId.replaceAll('-', '')}`, failed.headers['x-event-id'])
  const byEvent = await app.inject(`/__admin/requests?eventId=${failed.headers['x-event-id'] as string}`)
  t.equal(byEvent.json().total, 1, 'found by X-EVENT-ID')
  t.equal((await app.inject('/__admin/requests?path=/v1/*&status=200&method=post')).json().total, 2)
  t.equal((await app.inject('/__admin/requests?path=status')).json().total, 1)
  t.equal((await app.inject('/__admin/requests?status=4xx')).json().total, 1)
  const limited = (await app.inject('/__admin/requests?limit=1')).json()
  t.equal(limited.total, 4)
  t.equal(limited.requests.length, 1)
  const since = new Date(Date.now() - 60_000).toISOString()
  t.equal((await app.inject(`/__admin/requests?since=${since}`)).json().total, 4)
  t.equal((await app.inject(`/__admin/requests?until=${since}`)).json().total, 0)
})

t.test('GET /__admin/requests/count and DELETE /__admin/requests', async (t) => {
  const app = await build(t)
  await helseindikator(app, { fnr: PLAIN })
  t.same((await app.inject('/__admin/requests/count')).json(), { count: 2 })
  t.same((await app.inject('/__admin/requests/count?path=/connect/*')).json(), { count: 1 })
  const cleared = await app.inject({ method: 'DELETE', url: '/__admin/requests' })
  t.equal(cleared.statusCode, 204)
  t.same((await app.inject('/__admin/requests/count')).json(), { count: 0 }, 'admin calls themselves are not journaled')
})

t.test('bad query parameters are a 400 naming the parameter', async (t) => {
  const app = await build(t)
  for (const query of ['status=abc', 'since=yesterday', 'limit=0', 'limit=x', 'colour=red', 'method=P%20O']) {
    const res = await app.inject(`/__admin/requests?${query}`)
    t.equal(res.statusCode, 400, query)
    t.match(res.json(), { error: 'invalid_request', message: /invalid query/, details: Array }, query)
  }
  t.match((await app.inject('/__admin/requests?status=abc')).json().message, /status/)
  t.equal((await app.inject('/__admin/requests/count?limit=5')).statusCode, 400, 'count takes no limit')
})

t.test('GET /__admin/coverage counts statuses, codes and endpoints; DELETE clears it', async (t) => {
  const app = await build(t)
  const token = await systemToken(app)
  await helseindikator(app, { fnr: PLAIN }, { token })
  await helseindikator(app, { fnr: PLAIN }, { token })
  await helseindikator(app, { fnr: STATUS4 }, { token })
  await helseindikator(app, { fnr: PLAIN }, { token, headers: { 'x-epj-system': '' } })
  await tokenRequest(app, { grant_type: 'password' })
  const res = await app.inject('/__admin/coverage')
  t.equal(res.statusCode, 200)
  const coverage = res.json()
  t.match(coverage, {
    requests: 6,
    endpoints: {
      'POST /connect/token': { count: 2, statuses: { 200: 1, 400: 1 } },
      'POST /v1/helseindikator': { count: 4, statuses: { 200: 3, 400: 1 } }
    },
    helseindikatorStatuses: { 0: 0, 1: 0, 2: 2, 3: 0, 4: 1 },
    codes: { 'KJF-000353': 1, 'oauth:unsupported_grant_type': 1 }
  })
  t.ok(coverage.notServed.rest.includes('KJF-000197'), 'codes the EHR has not met yet')
  t.notOk(coverage.notServed.rest.includes('KJF-000353'))
  t.equal((await app.inject({ method: 'DELETE', url: '/__admin/coverage' })).statusCode, 204)
  t.match((await app.inject('/__admin/coverage')).json(), { requests: 0, codes: {}, endpoints: {} })
  t.equal((await app.inject('/__admin/requests/count')).json().count, 6, 'clearing coverage keeps the journal')
})

t.test('journal and coverage are per session', async (t) => {
  const app = await build(t)
  await app.inject({ url: '/s/run-2/v1/ping', headers: { 'x-epj-system': 'x' } })
  t.equal((await app.inject('/__admin/requests/count')).json().count, 0)
  t.equal((await app.inject('/s/run-2/__admin/requests/count')).json().count, 1)
  t.equal((await app.inject({ url: '/__admin/coverage', headers: { 'x-sandbox-session': 'run-2' } })).json().requests, 1)
})

t.test('GET /__admin/errors searches the catalogue; GET /__admin/errors/:code shows one', async (t) => {
  const app = await build(t)
  const all = (await app.inject('/__admin/errors')).json()
  t.ok(all.total > 100)
  t.equal(all.errors.length, all.total)
  const ki = (await app.inject('/__admin/errors?code=ki-')).json()
  t.ok(ki.total >= 19)
  t.ok(ki.errors.every((e: { code: string }) => e.code.startsWith('KI-')))
  const ticket = (await app.inject('/__admin/errors?q=ticket%20expired&face=fhir-legacy')).json()
  t.same(ticket.errors.map((e: { code: string }) => e.code), ['KJF-000015'])
  const portal = (await app.inject('/__admin/errors?face=portal')).json().errors as Array<{ kind: string }>
  t.equal(portal.filter((e) => e.kind === 'AUT').length, 10, 'every AUT code, and the API codes the Innlogging API shares')
  t.ok(portal.every((e) => e.kind === 'AUT' || e.kind === 'KJF' || e.kind === 'KJS'))
  t.equal((await app.inject('/__admin/errors?face=mobile')).statusCode, 400)
  t.match((await app.inject('/__admin/errors/KJF-000197')).json(), { code: 'KJF-000197', httpStatus: 403, faces: ['rest', 'critical-information', 'portal'] })
  t.equal((await app.inject('/__admin/errors/kjf-000197')).statusCode, 200, 'any case')
  const missing = await app.inject('/__admin/errors/KJF-999999')
  t.equal(missing.statusCode, 404)
  t.match(missing.json(), { error: 'not_found' })
})

t.test('GET and POST /__admin/patients: fixtures plus patients added for every session', async (t) => {
  const app = await build(t)
  const before = (await app.inject('/__admin/patients')).json()
  t.equal(before.total, app.sandbox.world.patients.size)
  t.ok(before.patients.some((p: { nin: string }) => p.nin === STATUS4))

  const added = await app.inject({ method: 'POST', url: '/__admin/patients', payload: { nin: NEW_NIN, givenName: 'Rita', familyName: 'Reservert', reserved: true } })
  t.equal(added.statusCode, 201, added.body)
  t.equal(added.headers.location, `/__admin/patients/${NEW_NIN}`)
  t.match(added.json(), { nin: NEW_NIN, reserved: true, status: 'active', criticalInfo: [] }, 'defaults filled in')
  t.equal((await app.inject('/__admin/patients')).json().total, before.total + 1)
  t.match((await app.inject(`/__admin/patients/${NEW_NIN}`)).json(), { givenName: 'Rita' })
  t.equal((await app.inject('/__admin/patients/24868510169')).statusCode, 404)

  const res = await helseindikator(app, { fnr: NEW_NIN })
  t.match(res.json(), { status: 1 }, 'helseindikator answers per the added patient: reserved')
  t.notOk('ticket' in res.json())

  const duplicate = await app.inject({ method: 'POST', url: '/__admin/patients', payload: { nin: NEW_NIN, givenName: 'Rita', familyName: 'Igjen' } })
  t.equal(duplicate.statusCode, 409)
  t.match(duplicate.json(), { error: 'conflict' })
})

t.test('an added patient with critical information answers status 4 in existing and new sessions', async (t) => {
  const app = await build(t)
  app.sandbox.sessions.get('early')
  const nin = '15897140001'
  const payload = { nin, givenName: 'Kari', familyName: 'Kritisk', criticalInfo: [{ kategori: 'OVER_REAK', sistEndret: '2026-01-02T03:04:05Z' }] }
  t.equal((await app.inject({ method: 'POST', url: '/__admin/patients', payload })).statusCode, 201)
  t.match((await helseindikator(app, { fnr: nin })).json(), { status: 4 }, 'the default session')
  for (const session of ['early', 'late']) {
    const res = await helseindikator(app, { fnr: nin }, { headers: { 'x-sandbox-session': session } })
    t.match(res.json(), { status: 4 }, `session ${session}`)
  }
})

t.test('a bad patient is a 400 naming the field', async (t) => {
  const app = await build(t)
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ nin: '12345678901', givenName: 'A', familyName: 'B' }, /nin/],
    [{ nin: NEW_NIN, familyName: 'B' }, /givenName/],
    [{ nin: NEW_NIN, givenName: 'A', familyName: 'B', status: 'asleep' }, /status/],
    [{ nin: NEW_NIN, givenName: 'A', familyName: 'B', colour: 'red' }, /colour/]
  ]
  for (const [payload, field] of cases) {
    const res = await app.inject({ method: 'POST', url: '/__admin/patients', payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.match(res.json(), { error: 'invalid_request', message: field, details: Array })
  }
  t.equal((await app.inject('/__admin/patients')).json().total, app.sandbox.world.patients.size, 'nothing was added')
})
