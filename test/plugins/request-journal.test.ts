import t from 'tap'
import { build, tokenRequest } from '../helper.js'
import { legacy, kjUserToken } from '../support/critical-info.js'
import { helseindikator, systemToken } from '../support/kj.js'

const PLAIN = '24868510168'
const STATUS4 = '17815810112'

t.test('a helseindikator call is journaled with its event id, route, status and redacted token', async (t) => {
  const app = await build(t)
  const token = await systemToken(app)
  const res = await helseindikator(app, { fnr: STATUS4 }, { token })
  t.equal(res.statusCode, 200, res.body)
  const { requests } = app.sandbox.defaultSession.journal.query({ path: '/v1/helseindikator' })
  t.equal(requests.length, 1)
  const entry = requests[0]!
  t.equal(`Id-${entry.eventId.replaceAll('-', '')}`, res.headers['x-event-id'], 'the event id is the one X-EVENT-ID carries')
  t.match(entry, {
    method: 'POST',
    path: '/v1/helseindikator',
    route: '/v1/helseindikator',
    face: 'rest',
    status: 200,
    code: null,
    helseindikatorStatus: 4,
    request: { token: { scheme: 'Bearer', claims: { client_id: 'sandbox-demo-ehr', aud: 'nhn:kjernejournal' } }, body: { text: `{"fnr":"${STATUS4}"}` } },
    response: { headers: { 'x-event-id': res.headers['x-event-id'] }, body: { text: /"status":4/ }, ticket: /^\[redacted ticket, sha256:/ }
  })
  t.type(entry.durationMs, 'number')
  t.equal(entry.time, new Date(entry.timeMs).toISOString())
  const json = JSON.stringify(app.sandbox.defaultSession.journal.query())
  t.notOk(json.includes(token), 'the access token is not in the journal')
  t.notOk(json.includes(res.json().ticket), 'the ticket is not in the journal')
})

t.test('failing answers are journaled with their error code', async (t) => {
  const app = await build(t)
  const res = await helseindikator(app, { fnr: PLAIN }, { headers: { 'x-epj-system': '' } })
  t.equal(res.statusCode, 400)
  const [entry] = app.sandbox.defaultSession.journal.query({ status: '4xx' }).requests
  t.match(entry, { status: 400, code: 'KJF-000353', response: { headers: { 'nhn-error-code': 'KJF-000353' }, body: { text: /KJF-000353/ } } })
  t.notOk('helseindikatorStatus' in entry!, 'an error is no helseindikator status')
})

t.test('HelseID errors are journaled as oauth:<error>, and the client credentials never', async (t) => {
  const app = await build(t)
  const bad = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.c2lnbmF0dXJl' })
  t.equal(bad.statusCode, 400)
  const grant = await tokenRequest(app, { grant_type: 'password' })
  const secret = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_assertion: undefined, client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret' })
  t.equal(secret.statusCode, 200)
  const journal = app.sandbox.defaultSession.journal
  t.same(journal.query({ path: '/connect/token' }).requests.map((e) => e.code), [null, `oauth:${grant.json().error as string}`, `oauth:${bad.json().error as string}`])
  t.equal(journal.count({ code: 'oauth:*' }), 2)
  const json = JSON.stringify(journal.query())
  t.notOk(json.includes('sandbox-demo-secret'), 'the client secret is not in the journal')
  t.notOk(json.includes(secret.json().access_token), 'the issued token is not in the journal')
  t.notOk(json.includes('c2lnbmF0dXJl'), 'the assertion is not in the journal')
  t.match(json, /sandbox-demo-ehr-secret/, 'the client id is')
})

t.test('the ticket sent to the FHIR face is a fingerprint; the same one the helseindikator entry shows', async (t) => {
  const app = await build(t)
  const indicator = await helseindikator(app, { fnr: STATUS4, samtykke: 'HPMOTTATTSAMTYKKE' })
  const ticket = indicator.json().ticket as string
  const res = await legacy(app, 'GET', '/Patient/$everything', { token: await kjUserToken(app), ticket })
  t.equal(res.statusCode, 200, res.body)
  const journal = app.sandbox.defaultSession.journal
  const [fhir] = journal.query({ path: '/v1/fhir/*' }).requests
  const [issued] = journal.query({ path: '/v1/helseindikator' }).requests
  t.match(fhir, { face: 'fhir-legacy', status: 200 })
  t.equal(fhir?.request.headers['x-kj-ticket'], issued?.response.ticket, 'QA can match the ticket to the answer that issued it')
  t.notOk(JSON.stringify(journal.query()).includes(ticket))
})

t.test('admin and documentation requests are not journaled; unknown paths are, without a route', async (t) => {
  const app = await build(t)
  await app.inject('/__admin/health')
  await app.inject('/__admin/requests')
  await app.inject('/__admin/nothing-here')
  await app.inject('/no/such/path')
  const { requests } = app.sandbox.defaultSession.journal.query()
  t.same(requests.map((e) => e.path), ['/no/such/path'])
  t.match(requests[0], { route: null, status: 404, face: 'other' })
  t.match(app.sandbox.defaultSession.coverage.snapshot(), { requests: 1, endpoints: {} })
})

t.test('each session has its own journal and coverage; time is the session clock', async (t) => {
  const app = await build(t)
  const other = app.sandbox.sessions.get('qa-run-1')
  other.clock.set(Date.parse('2030-01-01T00:00:00Z'))
  const res = await app.inject({ url: '/s/qa-run-1/v1/ping', headers: { 'x-epj-system': 'Sandbox test EHR 1.0' } })
  t.equal(res.statusCode, 401, 'no token')
  t.equal(app.sandbox.defaultSession.journal.count({ path: '/v1/ping' }), 0)
  const [entry] = other.journal.query({ path: '/v1/ping' }).requests
  t.match(entry, { status: 401, code: 'KJF-000279', route: '/v1/ping' }, 'the path is journaled without the session prefix')
  t.match(entry?.time, /^2030-01-01T/)
  t.match(other.coverage.snapshot(), { endpoints: { 'GET /v1/ping': { count: 1, statuses: { 401: 1 } } }, codes: { 'KJF-000279': 1 } })
})

t.test('query strings are journaled redacted', async (t) => {
  const app = await build(t)
  const hint = await systemToken(app)
  await app.inject(`/connect/endsession?id_token_hint=${hint}&state=s1`)
  const [entry] = app.sandbox.defaultSession.journal.query({ path: '/connect/endsession' }).requests
  t.match(entry?.query, { id_token_hint: /^\[redacted token, sha256:/, state: 's1' })
  t.notOk(JSON.stringify(entry).includes(hint))
})

t.test('the journal sees the answer as sent, after a scenario changed it', async (t) => {
  const app = await build(t)
  const res = await helseindikator(app, { fnr: PLAIN }, { headers: { 'x-sandbox-scenario': 'helseindikator-status-0' } })
  t.equal(res.json().status, 0, res.body)
  const [entry] = app.sandbox.defaultSession.journal.query({ path: '/v1/helseindikator' }).requests
  t.equal(entry?.helseindikatorStatus, 0)
  t.match(app.sandbox.defaultSession.coverage.snapshot().helseindikatorStatuses, { 0: 1, 2: 0 })
})
