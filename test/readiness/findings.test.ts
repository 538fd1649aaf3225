/**
 * Each readiness finding: the request that records it, what the session's report then says, and
 * what a strict session answers instead.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, form, ISSUER, tokenRequest } from '../helper.js'
import { helseindikator, ping, systemToken } from '../support/kj.js'
import { ci, ciToken } from '../support/critical-info.js'
import { dpopKey, dpopProof } from '../support/dpop.js'
import { findingOf, readinessReport, recordedFinding, strictProfile } from '../support/readiness.js'

const PATIENT = '24868510168'

function secretTokenRequest (app: FastifyInstance, session = 'default', basic = false) {
  const credentials = { client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret' }
  return app.inject({
    method: 'POST',
    url: '/connect/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-sandbox-session': session,
      ...(basic && { authorization: `Basic ${Buffer.from(`${credentials.client_id}:${credentials.client_secret}`).toString('base64')}` })
    },
    payload: form({ grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', ...(!basic && credentials) })
  })
}

t.test('client-secret-auth: a secret works here and is a will-fail finding; strict answers invalid_client', async (t) => {
  const app = await build(t)
  t.equal((await secretTokenRequest(app)).statusCode, 200)
  t.equal((await secretTokenRequest(app, 'default', true)).statusCode, 200)
  const finding = await recordedFinding(app, 'client-secret-auth')
  t.equal(finding.count, 2)
  t.equal(finding.severity, 'will-fail')
  t.match(finding.did, /client_secret_basic/)
  t.equal((await readinessReport(app)).verdict, 'not-ready')
  const journal = (await app.inject({ method: 'GET', url: `/__admin/requests?eventId=${finding.firstEventId}` })).json()
  t.same(journal.requests[0]?.findings, ['client-secret-auth'], 'the journal entry names the finding')

  await strictProfile(app)
  const refused = await secretTokenRequest(app)
  t.equal(refused.statusCode, 400)
  t.equal(refused.json().error, 'invalid_client')
  t.match(refused.json().error_description, /private_key_jwt/)
  t.equal((await recordedFinding(app, 'client-secret-auth')).refused, 1)
  t.equal((await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })).statusCode, 200, 'a client assertion passes in strict')
})

t.test('bearer-where-dpop-required: Bearer on the critical-information API; strict answers KJF-000198', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  t.equal((await ci(app, 'GET', '/Condition', { token, nin: PATIENT })).statusCode, 200)
  const finding = await recordedFinding(app, 'bearer-where-dpop-required')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'deprecated')
  t.equal(await findingOf(app, 'dpop-bound-token-as-bearer'), undefined, 'a plain Bearer token is not DPoP-bound')
  await strictProfile(app)
  const refused = await ci(app, 'GET', '/Condition', { token, nin: PATIENT })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['nhn-error-code'], 'KJF-000198')
  t.equal(refused.json().resourceType, 'OperationOutcome')
})

t.test('dpop-bound-token-as-bearer: accepted by helseindikator as NHN\'s sample EHR sends it; strict refuses', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await dpopKey()
  const bound = (await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/token` }) })).json().access_token as string
  t.equal((await ping(app, { token: bound })).statusCode, 200)
  t.equal((await recordedFinding(app, 'dpop-bound-token-as-bearer')).count, 1)
  const proof = await dpopProof(key, { htm: 'GET', htu: `${ISSUER}/v1/ping`, accessToken: bound })
  t.equal((await ping(app, { token: null, headers: { authorization: `DPoP ${bound}`, dpop: proof } })).statusCode, 200, 'the DPoP scheme is no finding')
  t.equal((await recordedFinding(app, 'dpop-bound-token-as-bearer')).count, 1)
  await strictProfile(app)
  const refused = await ping(app, { token: bound })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['nhn-error-code'], 'KJF-000198')
})

t.test('helseindikator-without-samtykke: recorded, and strict still answers (NHN does)', async (t) => {
  const app = await build(t)
  const token = await systemToken(app)
  t.equal((await helseindikator(app, { fnr: PATIENT }, { token })).statusCode, 200)
  t.equal((await helseindikator(app, { fnr: PATIENT, samtykke: 'HPAKUTT' }, { token })).statusCode, 200)
  const finding = await recordedFinding(app, 'helseindikator-without-samtykke')
  t.equal(finding.count, 1)
  t.equal(finding.strict.refuses, false)
  await strictProfile(app)
  t.equal((await helseindikator(app, { fnr: PATIENT }, { token })).statusCode, 200)
  t.equal((await recordedFinding(app, 'helseindikator-without-samtykke')).count, 2)
})

t.test('helseindikator-repeat-within-ticket: a second call for the same patient inside the ticket\'s hour', async (t) => {
  const app = await build(t)
  const token = await systemToken(app)
  const body = { fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE' }
  t.ok((await helseindikator(app, body, { token })).json().ticket, 'the patient gets a ticket')
  t.equal(await findingOf(app, 'helseindikator-repeat-within-ticket'), undefined, 'the first call is fine')
  await helseindikator(app, body, { token })
  t.equal((await recordedFinding(app, 'helseindikator-repeat-within-ticket')).count, 1)
  await app.inject({ method: 'POST', url: '/__admin/clock/advance', payload: { hours: 1, minutes: 1 } })
  const fresh = await systemToken(app)
  await helseindikator(app, body, { token: fresh })
  t.equal((await recordedFinding(app, 'helseindikator-repeat-within-ticket')).count, 1, 'after the ticket expired a new call is right')
})

t.test('token-per-call: a new client_credentials token while the last is valid; renewing near expiry is fine', async (t) => {
  const app = await build(t)
  await systemToken(app)
  t.equal(await findingOf(app, 'token-per-call'), undefined)
  await systemToken(app)
  t.equal((await recordedFinding(app, 'token-per-call')).count, 1)
  await app.inject({ method: 'POST', url: '/__admin/clock/advance', payload: { seconds: 560 } })
  await systemToken(app)
  t.equal((await recordedFinding(app, 'token-per-call')).count, 1, '40 s before expiry is a renewal')
  await strictProfile(app)
  t.equal((await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })).statusCode, 200, 'strict does not refuse it')
})

t.test('profiles: per session, PROFILE sets the start, a reset restores it, bad bodies name the field', async (t) => {
  const app = await build(t, { PROFILE: 'strict' })
  t.same((await app.inject({ method: 'GET', url: '/__admin/profile' })).json(), { session: 'default', profile: 'strict' })
  const lenient = await app.inject({ method: 'PUT', url: '/s/a/__admin/profile', payload: { profile: 'lenient' } })
  t.same(lenient.json(), { session: 'a', profile: 'lenient' })
  t.equal((await app.inject({ method: 'GET', url: '/s/b/__admin/profile' })).json().profile, 'strict', 'other sessions keep theirs')
  t.equal((await secretTokenRequest(app, 'a')).statusCode, 200, 'session a is lenient')
  t.equal((await secretTokenRequest(app, 'b')).statusCode, 400, 'session b is strict')
  t.equal((await app.inject({ method: 'POST', url: '/__admin/sessions/a/reset' })).statusCode < 300, true)
  t.equal((await app.inject({ method: 'GET', url: '/s/a/__admin/profile' })).json().profile, 'strict', 'reset to PROFILE')
  t.equal(((await readinessReport(app, 'a')).findings as unknown[]).length, 0, 'a reset forgets the findings')
  const bad = await app.inject({ method: 'PUT', url: '/__admin/profile', payload: { profile: 'paranoid' } })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().message, /profile/)
  t.equal((await app.inject({ method: 'PUT', url: '/__admin/profile', payload: { profile: 'strict', extra: 1 } })).statusCode, 400)
})

t.test('GET /__admin/readiness: JSON and JUnit, DELETE forgets, a bad format is a 400', async (t) => {
  const app = await build(t)
  await secretTokenRequest(app)
  const junit = await app.inject({ method: 'GET', url: '/__admin/readiness?format=junit' })
  t.equal(junit.statusCode, 200)
  t.match(junit.headers['content-type'], /^application\/xml/)
  t.match(junit.body, /<testcase classname="readiness.findings" name="client-secret-auth"><failure /)
  t.equal((await app.inject({ method: 'GET', url: '/__admin/readiness?format=pdf' })).statusCode, 400)
  t.equal((await app.inject({ method: 'DELETE', url: '/__admin/readiness' })).statusCode, 204)
  const after = await readinessReport(app)
  t.same(after.findings, [])
  t.equal(after.verdict, 'ready')
  t.ok(after.checklist.length > 10)
})

t.test('the journal and the dashboard show which scenario rule fired and which findings a request gave', async (t) => {
  const app = await build(t)
  await app.inject({ method: 'POST', url: '/__admin/scenarios/slow-network/activate' })
  const token = await systemToken(app)
  await helseindikator(app, { fnr: PATIENT }, { token })
  const entries = (await app.inject({ method: 'GET', url: '/__admin/requests?path=/v1/helseindikator' })).json()
  const entry = entries.requests[0]
  t.same(entry.findings, ['helseindikator-without-samtykke'])
  t.ok(entry.scenarioRules?.some((r: { scenario: string }) => r.scenario === 'slow-network'), 'the fired rule is on the entry')
  const page = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })
  t.match(page.body, /id="readiness"/)
  t.match(page.body, /scenario slow-network \/ rule \d/)
  t.match(page.body, /<a class="finding" href="#readiness">helseindikator-without-samtykke<\/a>/)
  t.match(page.body, /data-finding="helseindikator-without-samtykke"/)
  const coverage = (await app.inject({ method: 'GET', url: '/__admin/coverage' })).json()
  t.ok(coverage.situations['slow-answer'] >= 1, 'a delayed answer counts as a slow answer')
})
