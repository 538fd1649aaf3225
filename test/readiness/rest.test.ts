/**
 * The REST face's and the organisation register's findings: the request that records each, what
 * the session's report says, and what a strict session answers.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, ISSUER, tokenRequest } from '../helper.js'
import { helseindikator, ping, systemToken, testToken } from '../support/kj.js'
import { ci, ciToken, DOCTOR } from '../support/critical-info.js'
import { dpopKey, dpopProof } from '../support/dpop.js'
import { findingOf, readinessReport, recordedFinding, strictProfile } from '../support/readiness.js'

const PATIENT = '24868510168'
const PARENT = '310009008'
const CHILD = '310009016'

/** A system token naming exactly these organisations (no default orgnr_child). */
const orgToken = (app: FastifyInstance, orgnrParent: string, orgnrChild?: string) =>
  testToken(app, {
    withoutDefaultUserClaims: true,
    clientClaimsParametersGeneration: 'GenerateOnlyFromNonEmptyParameterValues',
    clientClaimsParameters: { scope: ['nhn:kjernejournal/api'], clientId: 'eget-ehr', orgnrParent, orgnrChild: orgnrChild ?? '' }
  })

t.test('ping-field-case: each ping is an unconfirmed finding, never refused, under either spelling', async (t) => {
  const app = await build(t, { PING_FIELD: 'pong' })
  const token = await systemToken(app)
  t.equal(await findingOf(app, 'ping-field-case'), undefined, 'nothing before a ping')
  const res = await ping(app, { token })
  t.equal(res.statusCode, 200)
  t.type(res.json().pong, 'string')
  const finding = await recordedFinding(app, 'ping-field-case')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'unconfirmed')
  t.equal(finding.strict.refuses, false)
  t.match(finding.did, /GET \/v1\/ping: .*'pong'/)
  t.equal((await readinessReport(app)).verdict, 'ready-with-warnings')
  t.equal(await findingOf(app, 'helseindikator-without-samtykke'), undefined)
  await helseindikator(app, { fnr: PATIENT, samtykke: 'HPAKUTT' }, { token })
  t.equal((await recordedFinding(app, 'ping-field-case')).count, 1, 'helseindikator does not record it')
  t.equal((await ping(app, { token: null })).statusCode, 401)
  t.equal((await recordedFinding(app, 'ping-field-case')).count, 1, 'a refused ping is no finding')

  await strictProfile(app)
  t.equal((await ping(app, { token })).statusCode, 200, 'strict answers ping')
  t.same({ count: (await recordedFinding(app, 'ping-field-case')).count, refused: (await recordedFinding(app, 'ping-field-case')).refused }, { count: 2, refused: 0 })
})

t.test('organisation-registered-by-sandbox: an organisation added with /__admin/organisations lets calls in; recorded, not refused', async (t) => {
  const app = await build(t)
  const token = await orgToken(app, PARENT)
  t.equal((await ping(app, { token })).headers['nhn-error-code'], 'KJF-000226', 'unknown before it is added')
  t.equal((await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: PARENT, name: 'Eget AS' } })).statusCode, 201)
  t.equal((await helseindikator(app, { fnr: PATIENT, samtykke: 'HPAKUTT' }, { token })).statusCode, 200)
  const finding = await recordedFinding(app, 'organisation-registered-by-sandbox')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'unconfirmed')
  t.match(finding.did, new RegExp(`POST /v1/helseindikator: organisation ${PARENT} \\(Eget AS\\) .*/__admin/organisations`))
  t.equal(await findingOf(app, 'organisation-agreement-on-registration'), undefined)
  const journal = (await app.inject({ method: 'GET', url: `/__admin/requests?eventId=${finding.firstEventId}` })).json()
  t.ok(journal.requests[0]?.findings.includes('organisation-registered-by-sandbox'), 'the journal entry names the finding')

  await helseindikator(app, { fnr: PATIENT, samtykke: 'HPAKUTT' })
  t.equal((await recordedFinding(app, 'organisation-registered-by-sandbox')).count, 1, 'a fixture organisation is no finding')

  await app.inject({ method: 'PUT', url: `/__admin/organisations/${PARENT}`, payload: { access: false } })
  t.equal((await ping(app, { token })).headers['nhn-error-code'], 'KJF-000227', 'without access it is refused as before')
  t.equal((await recordedFinding(app, 'organisation-registered-by-sandbox')).count, 1, 'a refused call is no finding')
  await app.inject({ method: 'PUT', url: `/__admin/organisations/${PARENT}`, payload: { access: true } })

  await strictProfile(app)
  t.equal((await ping(app, { token })).statusCode, 200, 'strict does not refuse it')
  t.same((await recordedFinding(app, 'organisation-registered-by-sandbox')).refused, 0)
  t.equal((await recordedFinding(app, 'organisation-registered-by-sandbox')).count, 2)
})

t.test('organisation-registered-by-sandbox: a fixture organisation given access at run time; the FHIR face records it too', async (t) => {
  const app = await build(t)
  const fixture = [...app.sandbox.world.organisations.values()].find((o) => o.access && o.active && o.parent === undefined)
  if (fixture === undefined) throw new Error('no active fixture organisation with access')
  const token = await orgToken(app, fixture.orgnr)
  t.equal((await ping(app, { token })).statusCode, 200)
  await app.inject({ method: 'PUT', url: `/__admin/organisations/${fixture.orgnr}`, payload: { note: 'renamed at run time' } })
  t.equal((await ping(app, { token })).statusCode, 200)
  t.equal(await findingOf(app, 'organisation-registered-by-sandbox'), undefined, 'a change that grants nothing new is no finding')

  const none = [...app.sandbox.world.organisations.values()].find((o) => !o.access && o.active)
  if (none === undefined) throw new Error('no fixture organisation without access')
  const denied = await orgToken(app, none.orgnr)
  t.equal((await ping(app, { token: denied })).headers['nhn-error-code'], 'KJF-000227')
  await app.inject({ method: 'PUT', url: `/__admin/organisations/${none.orgnr}`, payload: { access: true } })
  t.equal((await ping(app, { token: denied })).statusCode, 200)
  t.equal((await recordedFinding(app, 'organisation-registered-by-sandbox')).count, 1, 'access granted at run time is a finding')
})

t.test('organisation-agreement-on-registration: a client registration brings its organisations; calls through them are recorded, not refused', async (t) => {
  const app = await build(t)
  const registered = await app.inject({ method: 'PUT', url: '/__admin/clients/eget-ehr', payload: { client_secret: 'long-enough-secret', orgnr_parent: PARENT, orgnr_child: CHILD } })
  t.equal(registered.statusCode, 201, registered.body)
  t.same(registered.json().organisationsAdded.map((o: { orgnr: string }) => o.orgnr), [PARENT, CHILD])
  const token = await orgToken(app, PARENT, CHILD)
  t.equal((await ping(app, { token })).statusCode, 200)
  const finding = await recordedFinding(app, 'organisation-agreement-on-registration')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'unconfirmed')
  t.match(finding.did, new RegExp(`organisation ${CHILD} .*client registration`), 'the authorised unit is the child')
  t.equal(await findingOf(app, 'organisation-registered-by-sandbox'), undefined)

  await strictProfile(app)
  t.equal((await helseindikator(app, { fnr: PATIENT, samtykke: 'HPAKUTT' }, { token })).statusCode, 200, 'strict does not refuse it')
  t.same((await recordedFinding(app, 'organisation-agreement-on-registration')).count, 2)
})

t.test('organisation-agreement-on-registration: "registerOrganisations": false brings none, so the call is 226 and no finding', async (t) => {
  const app = await build(t)
  const registered = await app.inject({ method: 'PUT', url: '/__admin/clients/eget-ehr', payload: { client_secret: 'long-enough-secret', orgnr_parent: PARENT, registerOrganisations: false } })
  t.same(registered.json().organisationsAdded, [])
  t.equal((await ping(app, { token: await orgToken(app, PARENT) })).headers['nhn-error-code'], 'KJF-000226')
  t.equal(await findingOf(app, 'organisation-agreement-on-registration'), undefined)
})

t.test('organisation findings on the critical-information face as well', async (t) => {
  const app = await build(t)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: PARENT, name: 'Eget AS' } })).statusCode, 201)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: CHILD, name: 'Eget AS, klinikken', parent: PARENT } })).statusCode, 201)
  const token = await ciToken(app, DOCTOR, { clientClaimsParameters: { scope: ['nhn:critical-information/api'], orgnrParent: PARENT, orgnrChild: CHILD } })
  const res = await ci(app, 'GET', '/Condition', { token, nin: PATIENT })
  t.equal(res.statusCode, 200, res.body)
  t.equal((await recordedFinding(app, 'organisation-registered-by-sandbox')).count, 1)
  t.match((await recordedFinding(app, 'organisation-registered-by-sandbox')).did, new RegExp(`organisation ${CHILD} `))
})

t.test('dpop-bound-token-as-bearer (helseindikator\'s assumption row): a bound token as Bearer on helseindikator; strict answers KJF-000198', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await dpopKey()
  const bound = (await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/token` }) })).json().access_token as string
  t.equal((await helseindikator(app, { fnr: PATIENT, samtykke: 'HPAKUTT' }, { token: bound })).statusCode, 200)
  const finding = await recordedFinding(app, 'dpop-bound-token-as-bearer')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'deprecated')
  t.match(finding.did, /POST \/v1\/helseindikator: /)
  await strictProfile(app)
  const refused = await helseindikator(app, { fnr: PATIENT, samtykke: 'HPAKUTT' }, { token: bound })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['nhn-error-code'], 'KJF-000198')
})
