/** The request journal and coverage under /__admin (routes/admin/requests.ts). */
import t from 'tap'
import { build, tokenRequest } from '../../helper.js'
import { helseindikator, systemToken } from '../../support/kj.js'

const PLAIN = '24868510168'
const STATUS4 = '17815810112'

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
