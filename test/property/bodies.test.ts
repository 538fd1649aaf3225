/**
 * Hostile bodies with valid credentials, so they get past the token checks to the body
 * validation of every route that reads a body: malformed JSON, every JSON type, deep nesting,
 * unicode and control characters, and valid documents with one field broken. Whatever comes in,
 * the answer is in the face's shape, never 5xx, and a rejected body changes nothing stored.
 */
import t from 'tap'
import fc from 'fast-check'
import { build, clientAssertion } from '../helper.js'
import { EPJ_SYSTEM, systemToken } from '../support/kj.js'
import { ciHeaders, ciToken, kjUserToken, ticketFor } from '../support/critical-info.js'
import { checkProperty, CONTENT_TYPES, hostileBody, mutated, runs, serverErrorProblem, shapeProblem, snapshot } from '../support/hostile.js'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { CLIENT_ASSERTION_TYPE } from '../../server/domain/helseid/claims.js'

const PATIENT = '17815810112'

t.test('hostile bodies past the token checks', async (t) => {
  const app = await build(t)
  const kj = { authorization: `Bearer ${await systemToken(app)}`, 'x-epj-system': EPJ_SYSTEM }
  const ci = { authorization: `Bearer ${await ciToken(app)}`, ...ciHeaders(PATIENT) }
  const legacy = { authorization: `Bearer ${await kjUserToken(app)}`, 'x-epj-system': EPJ_SYSTEM, 'x-kj-ticket': await ticketFor(app, PATIENT) }
  const condition = sampleResource('KjConditionCriticalMedicalCondition', PATIENT)
  const allergy = sampleResource('KjAllergyIntolerance', PATIENT)
  const existing = app.sandbox.defaultSession.criticalInfo.recordsOf(PATIENT)[0]?.resource
  t.ok(existing, 'the patient has a record to update')
  const existingPath = `${existing?.resourceType as string}/${existing?.id as string}`
  const assertion = await clientAssertion()
  const form = { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion }

  const targets = [
    { method: 'POST', url: '/v1/helseindikator', headers: kj, valid: { fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE', legemiddelFraDato: '2021-06-11' } },
    { method: 'POST', url: '/v1/helseindikator/status', headers: kj, valid: { fnr: PATIENT } },
    { method: 'POST', url: '/api/critical-information/v1/Condition', headers: ci, valid: condition },
    { method: 'POST', url: '/api/critical-information/v1/AllergyIntolerance', headers: ci, valid: allergy },
    { method: 'PUT', url: `/api/critical-information/v1/${existingPath}`, headers: ci, valid: existing },
    { method: 'POST', url: '/api/critical-information/v1/status', headers: ci, valid: {} },
    { method: 'POST', url: '/v1/fhir/Condition', headers: legacy, valid: condition },
    { method: 'PUT', url: `/v1/fhir/${existingPath}`, headers: legacy, valid: existing },
    { method: 'POST', url: '/v2/create-test-token-with-key', headers: {}, valid: { audience: 'nhn:kjernejournal', clientClaimsParameters: { scope: ['nhn:kjernejournal/api'] }, userClaimsParameters: { pid: '01887840020', securityLevel: '4' } } },
    { method: 'POST', url: '/__admin/clients', headers: {}, valid: { client_id: 'x', client_secret: 's', orgnr_parent: '310001147' } },
    { method: 'POST', url: '/__admin/sessions', headers: {}, valid: { id: 'p2' } },
    { method: 'POST', url: '/__admin/patients', headers: {}, valid: { nin: '24868510168', name: 'X', status: 'active' } },
    { method: 'POST', url: '/__admin/scenarios', headers: {}, valid: { name: 'x', rules: [{ when: { face: 'kjernejournal' }, then: { error: 'KJF-000206' } }] } }
    // Not the clock: moving it would expire the tokens above and stop the bodies at the token check.
  ] as const
  const forms = ['/connect/token', '/connect/par', '/connect/revocation', '/connect/authorize', '/connect/authorize/login', '/connect/endsession', '/connect/userinfo']

  const jsonRequest = fc.record({
    target: fc.constantFrom(...targets),
    contentType: fc.oneof(fc.constantFrom('application/json', 'application/fhir+json; charset=UTF-8'), fc.constantFrom(...CONTENT_TYPES))
  }).chain(({ target, contentType }) => fc.oneof(hostileBody, mutated(target.valid), mutated(target.valid))
    .map((payload) => ({ method: target.method as string, url: target.url as string, headers: { ...target.headers, 'content-type': contentType } as Record<string, string>, payload })))
  const formRequest = fc.record({
    url: fc.constantFrom(...forms),
    fields: fc.dictionary(fc.constantFrom(...Object.keys(form), 'code', 'code_verifier', 'redirect_uri', 'refresh_token', 'token', 'resource', 'client_id', 'response_type', 'request_uri', 'state', 'test_pid', 'pid', 'interaction'),
      fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom(...Object.values(form)))),
    base: fc.boolean()
  }).map(({ url, fields, base }) => ({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' } as Record<string, string>, payload: new URLSearchParams({ ...(base && form), ...fields }).toString() }))

  const tried = await checkProperty(t, 'bodies', fc.asyncProperty(fc.oneof(jsonRequest, jsonRequest, formRequest), async (r) => {
    const before = snapshot(app)
    const res = await app.inject({ method: r.method as 'POST', url: r.url, headers: r.headers, payload: r.payload })
    const crash = serverErrorProblem(res)
    if (crash !== undefined) throw new Error(`${r.method} ${r.url} ${crash}: ${res.body.slice(0, 300)}`)
    const problem = shapeProblem(r.method, r.url, res)
    if (problem !== undefined) throw new Error(`${r.method} ${r.url} ${res.statusCode}: ${problem}: ${res.body.slice(0, 300)}`)
    if (res.statusCode >= 400 && snapshot(app) !== before) throw new Error(`${r.method} ${r.url} was rejected (${res.statusCode}) but changed what is stored`)
  }), runs(300))
  t.pass(`${tried} hostile bodies answered in shape`)
})
