/**
 * No drift between the document and the sandbox: the EHR flow and a sample of each face's
 * errors, through inject, and every answer checked against the document's schema for its route
 * and status. Also $validate on both FHIR faces.
 */
import { exportJWK, generateKeyPair } from 'jose'
import t from 'tap'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { build, tokenRequest } from '../helper.js'
import { CI, ciHeaders, ciToken, kjUserToken, legacy, NURSE, ticketFor } from '../support/critical-info.js'
import { dpopProof } from '../support/dpop.js'
import { helseindikator, ping, systemToken } from '../support/kj.js'
import { pkce } from '../support/login.js'
import { createBody, dpopUserToken, freshTicket, pageUrl, sessionCall } from '../support/portal.js'
import { documentOf, driftChecker } from '../support/openapi.js'
import { ISSUER } from '../helper.js'

const STATUS4 = '17815810112'
const PLAIN = '24868510168'

t.test('the EHR flow and sample errors answer as the document says', async (t) => {
  const app = await build(t)
  const check = driftChecker(await documentOf(app))
  const answers: Array<[string, string, Awaited<ReturnType<typeof app.inject>>]> = []
  const seen = async (method: string, url: string, res: Awaited<ReturnType<typeof app.inject>>): Promise<typeof res> => {
    answers.push([method, url, res])
    return res
  }

  await seen('GET', '/.well-known/openid-configuration', await app.inject('/.well-known/openid-configuration'))
  await seen('GET', '/.well-known/openid-configuration/jwks', await app.inject('/.well-known/openid-configuration/jwks'))
  await seen('POST', '/connect/token', await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }))
  await seen('POST', '/connect/token', await tokenRequest(app, { grant_type: 'password' }))
  await seen('POST', '/v2/create-test-token-with-key', await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', payload: { audience: 'nhn:kjernejournal' } }))
  await seen('POST', '/v2/create-test-token-with-key', await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', payload: { audience: 42 } }))

  const token = await systemToken(app)
  await seen('GET', '/v1/ping', await ping(app, { token }))
  await seen('GET', '/v1/ping', await ping(app, { token: null }))
  await seen('POST', '/v1/helseindikator', await helseindikator(app, { fnr: STATUS4, samtykke: 'HPMOTTATTSAMTYKKE' }, { token }))
  await seen('POST', '/v1/helseindikator', await helseindikator(app, { fnr: '12345678901' }, { token }))
  await seen('POST', '/v1/helseindikator', await helseindikator(app, {}, { token }))
  await seen('POST', '/v1/helseindikator', await helseindikator(app, 'fnr=1', { token, headers: { 'content-type': 'text/plain' } }))
  await seen('POST', '/v1/helseindikator/status', await helseindikator(app, { fnr: PLAIN }, { token, url: '/v1/helseindikator/status' }))

  const userToken = await kjUserToken(app)
  const ticket = await ticketFor(app, STATUS4)
  await seen('GET', '/v1/fhir/Patient/$everything', await legacy(app, 'GET', '/Patient/$everything', { token: userToken, ticket }))
  await seen('GET', '/v1/fhir/Patient/$everything', await legacy(app, 'GET', '/Patient/$everything', { token: userToken }))
  await seen('GET', '/v1/fhir/metadata', await app.inject('/v1/fhir/metadata'))
  await seen('GET', '/v1/fhir/AllergyIntolerance', await legacy(app, 'GET', '/AllergyIntolerance', { token: userToken, ticket }))

  const ciUser = await ciToken(app)
  const ciCall = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = ciHeaders(PLAIN)) => app.inject({
    method,
    url: `${CI}${path}`,
    headers: { authorization: `Bearer ${ciUser}`, ...headers, ...(body !== undefined && { 'content-type': 'application/fhir+json' }) },
    ...(body !== undefined && { payload: JSON.stringify(body) })
  })
  await seen('POST', `${CI}/status`, await ciCall('POST', '/status'))
  await seen('GET', `${CI}/metadata`, await app.inject(`${CI}/metadata`))
  const created = await seen('POST', `${CI}/AllergyIntolerance`, await ciCall('POST', '/AllergyIntolerance', sampleResource('KjAllergyIntolerance', PLAIN)))
  const id = String(created.json().id)
  await seen('GET', `${CI}/AllergyIntolerance/${id}`, await ciCall('GET', `/AllergyIntolerance/${id}`))
  await seen('GET', `${CI}/AllergyIntolerance/${id}/_history`, await ciCall('GET', `/AllergyIntolerance/${id}/_history`))
  await seen('GET', `${CI}/AllergyIntolerance/${id}/_history/1`, await ciCall('GET', `/AllergyIntolerance/${id}/_history/1`))
  await seen('GET', `${CI}/AllergyIntolerance`, await ciCall('GET', '/AllergyIntolerance'))
  await seen('GET', `${CI}/AllergyIntolerance`, await ciCall('GET', '/AllergyIntolerance', undefined, {}))
  await seen('POST', `${CI}/AllergyIntolerance/$validate`, await ciCall('POST', '/AllergyIntolerance/$validate', sampleResource('KjAllergyIntolerance', PLAIN)))
  await seen('POST', `${CI}/AllergyIntolerance/$validate`, await ciCall('POST', '/AllergyIntolerance/$validate', { resourceType: 'AllergyIntolerance', meta: { profile: ['http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntolerance'] } }))
  await seen('DELETE', `${CI}/AllergyIntolerance/${id}`, await ciCall('DELETE', `/AllergyIntolerance/${id}`))
  await seen('GET', `${CI}/AllergyIntolerance/${id}`, await ciCall('GET', `/AllergyIntolerance/${id}`))

  await seen('GET', '/__admin/sessions', await app.inject('/__admin/sessions'))
  await seen('GET', '/__admin/sessions/nope', await app.inject('/__admin/sessions/nope'))

  for (const [method, url, res] of answers) {
    t.equal(check(method, url, res), undefined, `${method} ${url} ${res.statusCode} is as documented`)
  }
  t.ok(answers.some(([, , res]) => res.statusCode >= 400), 'errors were checked too')
})

t.test('the admin API and the portal answer as the document says', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const check = driftChecker(await documentOf(app))
  type Answer = Awaited<ReturnType<typeof app.inject>>
  const checked = async (method: string, url: string, payload?: unknown, expected?: number): Promise<Answer> => {
    const res = await app.inject({ method: method as 'GET', url, ...(payload !== undefined && { payload: payload as Record<string, unknown> }) })
    if (expected !== undefined) t.equal(res.statusCode, expected, `${method} ${url} answers ${expected}`, { body: res.body.slice(0, 300) })
    t.equal(check(method, url, res), undefined, `${method} ${url} ${res.statusCode} is as documented`)
    return res
  }

  // Something in the journal and the coverage first.
  await ping(app, { token: await systemToken(app) })
  await helseindikator(app, { fnr: STATUS4, samtykke: 'HPMOTTATTSAMTYKKE' }, { token: await systemToken(app) })

  await checked('GET', '/__admin/health', undefined, 200)
  await checked('POST', '/__admin/sessions', { id: 'drift-1' }, 201)
  await checked('POST', '/__admin/sessions', undefined, 201)
  await checked('POST', '/__admin/sessions', { id: 'drift-1' }, 409)
  await checked('GET', '/__admin/sessions/drift-1', undefined, 200)
  await checked('GET', '/__admin/sessions', undefined, 200)
  await checked('POST', '/__admin/sessions/drift-1/reset', undefined, 200)
  await checked('DELETE', '/__admin/sessions/drift-1', undefined, 204)
  await checked('PUT', '/__admin/clock', { now: '2026-01-01T10:00:00Z' }, 200)
  await checked('POST', '/__admin/clock/advance', { minutes: 5 }, 200)
  await checked('GET', '/__admin/clock', undefined, 200)
  await checked('DELETE', '/__admin/clock', undefined, 200)

  const orgnr = '310009008'
  await checked('POST', '/__admin/organisations', { orgnr, name: 'Drift AS' }, 201)
  await checked('POST', '/__admin/organisations', { orgnr: '310009009', name: 'X' }, 400)
  await checked('GET', `/__admin/organisations/${orgnr}`, undefined, 200)
  await checked('PUT', `/__admin/organisations/${orgnr}`, { active: false }, 200)
  await checked('GET', '/__admin/organisations', undefined, 200)
  await checked('DELETE', `/__admin/organisations/${orgnr}`, undefined, 204)
  await checked('GET', `/__admin/organisations/${orgnr}`, undefined, 404)

  const { publicKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...await exportJWK(publicKey), kid: 'drift-key' }
  await checked('POST', '/__admin/clients', { client_id: 'drift-ehr', client_name: 'Drift EHR', jwks: { keys: [jwk] }, orgnr_parent: '310009016' }, 201)
  await checked('PUT', '/__admin/clients/drift-ehr', { jwks: { keys: [jwk] }, orgnr_parent: '310009016', registerOrganisations: false }, 200)
  await checked('GET', '/__admin/clients/drift-ehr', undefined, 200)
  await checked('GET', '/__admin/clients', undefined, 200)
  await checked('DELETE', '/__admin/clients/drift-ehr', undefined, 204)

  const scenarios = await checked('GET', '/__admin/scenarios', undefined, 200)
  const name = String(scenarios.json().scenarios[0].name)
  await checked('GET', `/__admin/scenarios/${name}`, undefined, 200)
  await checked('POST', `/__admin/scenarios/${name}/activate`, undefined, 200)
  await checked('PUT', `/__admin/scenarios/${name}/state`, { state: 'drift' }, 200)
  await checked('POST', `/__admin/scenarios/${name}/deactivate`, undefined, 200)
  await checked('POST', '/__admin/scenarios/reset', undefined, 200)
  await checked('POST', '/__admin/scenarios', { name: 'drift-ping-fails', rules: [{ when: { path: '/v1/ping' }, then: { error: 'KJS-000077' } }] }, 201)

  await checked('GET', '/__admin/fixtures', undefined, 200)
  await checked('POST', '/__admin/fixtures/reload', undefined, 200)
  await checked('GET', '/__admin/patients', undefined, 200)
  await checked('GET', `/__admin/patients/${STATUS4}`, undefined, 200)
  await checked('GET', '/__admin/errors?face=rest', undefined, 200)
  await checked('GET', '/__admin/errors/KJF-000013', undefined, 200)
  await checked('GET', '/__admin/persistence', undefined, 200)
  await checked('POST', '/__admin/tokens', { audience: 'nhn:kjernejournal', flags: ['expired'] }, 200)

  await checked('GET', '/__admin/requests?limit=5', undefined, 200)
  await checked('GET', '/__admin/requests/count?status=2xx', undefined, 200)
  await checked('GET', '/__admin/coverage', undefined, 200)
  await checked('PUT', '/__admin/profile', { profile: 'strict' }, 200)
  await checked('GET', '/__admin/profile', undefined, 200)
  await checked('GET', '/__admin/readiness', undefined, 200)
  await checked('GET', '/__admin/readiness?format=junit', undefined, 200)
  await checked('DELETE', '/__admin/readiness', undefined, 204)
  await checked('DELETE', '/__admin/requests', undefined, 204)
  await checked('DELETE', '/__admin/coverage', undefined, 204)
  await checked('POST', '/__admin/reset?session=default', undefined, 204)

  // The portal: the legacy page, and the Innlogging API with a DPoP-bound user token.
  const ticket = await freshTicket(app)
  await checked('GET', pageUrl({ ticket }), undefined, 200)
  await checked('GET', pageUrl({ ticket: 'not-a-ticket' }), undefined, 401)
  await checked('GET', '/hpp-webapp/loggut', undefined, 200)
  const user = await dpopUserToken(app)
  const pingProof = await dpopProof(user.key, { htm: 'GET', htu: `${ISSUER}/api/session/ping`, accessToken: user.token })
  const pong = await app.inject({ method: 'GET', url: '/api/session/ping', headers: { authorization: `DPoP ${user.token}`, dpop: pingProof, 'x-source-system': 'drift' } })
  const portal: Array<[string, string, Answer]> = [['GET', '/api/session/ping', pong]]
  const { challenge } = pkce()
  const created = await sessionCall(app, 'create', user, createBody(challenge))
  portal.push(['POST', '/api/session/create', created])
  const { sessionId } = created.json() as { sessionId: string }
  portal.push(['POST', '/api/session/refresh', await sessionCall(app, 'refresh', user, { sessionId })])
  portal.push(['POST', '/api/session/end', await sessionCall(app, 'end', user, { sessionId })])
  portal.push(['POST', '/api/session/refresh', await sessionCall(app, 'refresh', user, {})])
  for (const [method, url, res] of portal) {
    t.equal(check(method, url, res), undefined, `${method} ${url} ${res.statusCode} is as documented`)
  }
  t.same(portal.map(([, , res]) => res.statusCode), [200, 200, 200, 204, 400], 'the portal calls answered as meant')
})

t.test('$validate on both FHIR faces: an OperationOutcome, authorised as create', async (t) => {
  const app = await build(t)
  const ciUser = await ciToken(app)
  const validate = (body: unknown, headers = ciHeaders(PLAIN), token = ciUser) => app.inject({
    method: 'POST',
    url: `${CI}/AllergyIntolerance/$validate`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', ...headers },
    payload: JSON.stringify(body)
  })
  const valid = await validate(sampleResource('KjAllergyIntolerance', PLAIN))
  t.equal(valid.statusCode, 200)
  t.match(valid.json(), { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] })
  t.equal(valid.json().issue.length, 1)

  const wrapped = await validate({ resourceType: 'Parameters', parameter: [{ name: 'resource', resource: sampleResource('KjAllergyIntolerance', PLAIN) }] })
  t.match(wrapped.json(), { issue: [{ severity: 'information' }] }, 'a Parameters body works too')

  const broken = await validate({ resourceType: 'AllergyIntolerance', meta: { profile: ['http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntolerance'] } })
  t.equal(broken.statusCode, 200, 'invalid is still a 200: the validation was done')
  const issues = broken.json().issue as Array<{ severity: string, details: { coding: Array<{ code: string }> } }>
  t.ok(issues.length > 1, 'every broken rule, not only the first')
  t.ok(issues.every((i) => i.severity === 'error' && i.details.coding[0]?.code === 'KI-0014'))

  const wrongType = await validate(sampleResource('KjFlag', PLAIN))
  t.match(wrongType.json(), { issue: [{ severity: 'error', details: { coding: [{ code: 'KI-0007' }] } }] })

  const nurse = await validate(sampleResource('KjAllergyIntolerance', PLAIN), ciHeaders(PLAIN, { role: 'SP' }), await ciToken(app, NURSE))
  t.equal(nurse.statusCode, 403, 'only those who may create may validate')
  t.equal(nurse.headers['nhn-error-code'], 'KI-0017')

  const notJson = await app.inject({ method: 'POST', url: `${CI}/AllergyIntolerance/$validate`, headers: { authorization: `Bearer ${ciUser}`, 'content-type': 'text/plain', ...ciHeaders(PLAIN) }, payload: 'x' })
  t.equal(notJson.statusCode, 400, 'a body that is no JSON is a request error in the face\'s shape')
  t.equal(notJson.headers['nhn-error-code'], 'KI-0007')

  const userToken = await kjUserToken(app)
  const ticket = await ticketFor(app, STATUS4)
  const legacyValid = await legacy(app, 'POST', '/AllergyIntolerance/$validate', { token: userToken, ticket, body: sampleResource('KjAllergyIntolerance', STATUS4) })
  t.equal(legacyValid.statusCode, 200, legacyValid.body)
  t.match(legacyValid.json(), { issue: [{ severity: 'information' }] })
  const legacyBroken = await legacy(app, 'POST', '/AllergyIntolerance/$validate', { token: userToken, ticket, body: { resourceType: 'AllergyIntolerance', meta: { profile: ['http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntolerance'] } } })
  // The ticket face's own shape: per refusal a pair of issues, the KJF code, then the message.
  const legacyIssues = legacyBroken.json().issue as Array<{ severity: string, code: string, diagnostics: string }>
  t.ok(legacyIssues.length >= 2 && legacyIssues.length % 2 === 0, 'code-and-message pairs')
  const legacyCodes = legacyIssues.filter((_, i) => i % 2 === 0).map((i) => i.diagnostics)
  t.ok(legacyCodes.every((c) => /^KJF-\d{6}$/.test(c)), `the ticket face speaks its own codes (${legacyCodes.join(', ')})`)
  t.ok(legacyIssues.every((i) => i.severity === 'error' && i.code === 'processing'))

  const metadata = (await app.inject(`${CI}/metadata`)).json()
  t.match(metadata.rest[0].resource[0].operation, [{ name: 'validate', definition: 'http://hl7.org/fhir/OperationDefinition/Resource-validate' }])
  t.match((await app.inject('/v1/fhir/metadata')).json().rest[0].resource[0].operation, [{ name: 'validate' }])
})
