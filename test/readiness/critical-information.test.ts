/**
 * The critical-information findings: the request that records each, what the session's report
 * then says, and what a strict session answers.
 */
import t from 'tap'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import type { FhirResource } from '../../server/domain/critical-info/types.js'
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose'
import { build, ISSUER } from '../helper.js'
import { CI, ci, ciHeaders, ciToken, expectOutcome, kjUserToken, legacy, ticketFor } from '../support/critical-info.js'
import { dpopProof } from '../support/dpop.js'
import { findingOf, recordedFinding, strictProfile } from '../support/readiness.js'

const PATIENT = '24868510168'
const GUESS = 'http://nhn.no/kj/fhir/CodeSystem/CriticalInformationCategory'
const CONFIRMED = 'https://example.org/kj/category'

/** A resource with its category codings under `system` (undefined: none). */
function withCategorySystem (resource: FhirResource, system: string | undefined): FhirResource {
  const copy = structuredClone(resource)
  const concepts = (Array.isArray(copy.category) ? copy.category : [copy.category]) as Array<{ coding: Array<{ system?: string }> }>
  for (const coding of concepts.flatMap((c) => c.coding)) {
    if (system === undefined) delete coding.system
    else coding.system = system
  }
  return copy
}

const flag = (): FhirResource => sampleResource('KjFlag', PATIENT, { recordedDate: '2026-01-01T00:00:00.000Z' })

t.test('category-coding-system: a category coding without a system or under the guess is unconfirmed; never refused', async (t) => {
  const app = await build(t, { CATEGORY_SYSTEM: CONFIRMED })
  const token = await ciToken(app)
  t.equal((await ci(app, 'POST', '/Flag', { token, nin: PATIENT, body: withCategorySystem(flag(), CONFIRMED) })).statusCode, 201)
  t.equal(await findingOf(app, 'category-coding-system'), undefined, 'the configured (confirmed) system is no finding')
  t.equal((await ci(app, 'POST', '/Flag', { token, nin: PATIENT, body: withCategorySystem(flag(), undefined) })).statusCode, 201)
  const finding = await recordedFinding(app, 'category-coding-system')
  t.equal(finding?.count, 1)
  t.equal(finding?.severity, 'unconfirmed')
  t.match(finding?.did, /Flag\.category coding \d+ under no system/)
  t.equal((await ci(app, 'POST', '/Flag', { token, nin: PATIENT, body: withCategorySystem(flag(), GUESS) })).statusCode, 201)
  t.match((await recordedFinding(app, 'category-coding-system')).did, /guessed system/)

  const ticket = await ticketFor(app, PATIENT)
  const kjToken = await kjUserToken(app)
  await strictProfile(app)
  t.equal((await legacy(app, 'POST', '/Flag', { token: kjToken, ticket, body: withCategorySystem(flag(), undefined) })).statusCode, 201, 'strict takes it (ticket face)')
  t.same(await findingOf(app, 'category-coding-system').then((f) => [f?.count, f?.refused ?? 0]), [3, 0])
})

t.test('category-coding-system: by default no system is confirmed, so even the guess is a finding', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  t.equal((await ci(app, 'POST', '/Flag', { token, nin: PATIENT, body: flag() })).statusCode, 201)
  t.equal((await recordedFinding(app, 'category-coding-system')).count, 1)
  t.equal(await findingOf(app, 'consent-coding-systems'), undefined, 'a Flag has no policyRule')
})

t.test('consent-coding-systems: a Consent\'s policyRule and scope codings rely on unchecked systems; never refused', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const consent = sampleResource('KjConsent', PATIENT, { recordedDate: '2026-01-01T00:00:00.000Z' })
  t.equal((await ci(app, 'POST', '/Consent', { token, nin: PATIENT, body: consent })).statusCode, 201)
  const finding = await recordedFinding(app, 'consent-coding-systems')
  t.equal(finding?.count, 1)
  t.equal(finding?.severity, 'unconfirmed')
  t.match(finding?.did, /policyRule 1 under no system/)
  t.notMatch(finding?.did, /scope/, 'scope under HL7\'s consentscope is no note')
  const ticket = await ticketFor(app, PATIENT)
  await strictProfile(app)
  const scopeless = { ...consent, status: 'inactive', scope: { coding: [{ code: 'adr' }] } }
  t.equal((await legacy(app, 'POST', '/Consent', { token: await kjUserToken(app), ticket, body: scopeless })).statusCode, 201, 'strict takes it')
  const again = await recordedFinding(app, 'consent-coding-systems')
  t.equal(again?.count, 2)
  t.match(again?.did, /scope adr under no system/)
})

t.test('behandlingsavklaring-when-enabled: served only with the setting, a will-fail finding; strict answers KI-0014 / KJF-000233', async (t) => {
  const clarification = sampleResource('KjConsentBehandlingsavklaring', PATIENT)
  const off = await build(t)
  expectOutcome(t, await ci(off, 'POST', '/Consent', { token: await ciToken(off), nin: PATIENT, body: clarification }), 'KI-0014', 400)
  t.equal(await findingOf(off, 'behandlingsavklaring-when-enabled'), undefined, 'off: refused, no leniency')

  const app = await build(t, { KJCONSENT_BEHANDLINGSAVKLARING: 'true' })
  const created = await ci(app, 'POST', '/Consent', { token: await ciToken(app), nin: PATIENT, body: clarification })
  t.equal(created.statusCode, 201, created.body)
  const finding = await recordedFinding(app, 'behandlingsavklaring-when-enabled')
  t.equal(finding?.count, 1)
  t.equal(finding?.severity, 'will-fail')
  t.match(finding?.did, /KjConsentBehandlingsavklaring \(category 11\) was created/)
  t.equal((await app.inject({ method: 'GET', url: '/__admin/readiness' })).json().verdict, 'not-ready')

  const ticket = await ticketFor(app, PATIENT)
  await strictProfile(app)
  const refused = await legacy(app, 'POST', '/Consent', { token: await kjUserToken(app), ticket, body: { ...clarification, status: 'inactive' } })
  t.equal(refused.statusCode, 400)
  t.equal(refused.headers['x-kj-feilkode'], 'KJF-000233')
  t.equal((await recordedFinding(app, 'behandlingsavklaring-when-enabled')).refused, 1)
  const records = (await legacy(app, 'GET', '/Consent', { token: await kjUserToken(app), ticket })).json().entry as unknown[]
  t.equal(records.length, 1, 'the refused one was not stored')
})

t.test('category-search-parameter: a search by category is recorded; criticalInfoType is not; never refused', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  t.equal((await ci(app, 'GET', '/Condition?criticalInfoType=Infection', { token, nin: PATIENT })).statusCode, 200)
  t.equal(await findingOf(app, 'category-search-parameter'), undefined)
  t.equal((await ci(app, 'GET', '/Consent?category=8', { token, nin: PATIENT })).statusCode, 200)
  const finding = await recordedFinding(app, 'category-search-parameter')
  t.equal(finding?.count, 1)
  t.equal(finding?.severity, 'unconfirmed')
  t.match(finding?.did, /category=8/)
  const ticket = await ticketFor(app, PATIENT)
  await strictProfile(app)
  t.equal((await legacy(app, 'GET', '/Consent?category=8', { token: await kjUserToken(app), ticket })).statusCode, 200, 'strict answers')
  t.equal((await recordedFinding(app, 'category-search-parameter')).count, 2)
})

t.test('status-body-unchecked and status-inferred-fields: /status without nin in the body, and its inferred fields', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const withNin = await ci(app, 'POST', '/status', { token, nin: PATIENT, body: { nin: PATIENT } })
  t.equal(withNin.statusCode, 200)
  t.equal(await findingOf(app, 'status-body-unchecked'), undefined, 'a body nin is checked, no finding')
  const inferred = await recordedFinding(app, 'status-inferred-fields')
  t.equal(inferred?.count, 1, 'every answer carries inferred fields')
  t.equal(inferred?.severity, 'unconfirmed')
  t.match(inferred?.did, /fields whose names are inferred \(dateChanged\.\*, privacySetting\.\*\)/)

  t.equal((await ci(app, 'POST', '/status', { token, nin: PATIENT })).statusCode, 200)
  t.match((await recordedFinding(app, 'status-body-unchecked')).did, /no body/)
  t.equal((await ci(app, 'POST', '/status', { token, nin: PATIENT, body: 'nin=1' })).statusCode, 200)
  t.match((await recordedFinding(app, 'status-body-unchecked')).did, /not JSON/)
  t.equal((await ci(app, 'POST', '/status', { token, nin: PATIENT, body: {} })).statusCode, 200)
  const finding = await recordedFinding(app, 'status-body-unchecked')
  t.equal(finding?.count, 3)
  t.equal(finding?.severity, 'unconfirmed')
  t.match(finding?.did, /without nin/)
  expectOutcome(t, await ci(app, 'POST', '/status', { token, nin: PATIENT, body: { nin: '17815810112' } }), 'KI-0010', 400)
  t.equal((await recordedFinding(app, 'status-body-unchecked')).count, 3, 'a mismatch is refused, not a leniency')
  t.equal((await app.inject({ method: 'GET', url: '/__admin/readiness' })).json().verdict, 'ready-with-warnings')

  // Strict refuses Bearer here (bearer-where-dpop-required), so the strict call uses DPoP.
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  const publicJwk = await exportJWK(publicKey)
  const key = { privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk) }
  const htu = `${ISSUER}${CI}/status`
  const bound = (await app.inject({
    method: 'POST',
    url: '/v2/create-test-token-with-key',
    payload: {
      audience: 'nhn:critical-information',
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htuClaimValue: htu, htmClaimValue: 'POST', privateKeyForProofCreation: JSON.stringify(await exportJWK(privateKey)) },
      clientClaimsParameters: { scope: ['nhn:critical-information/api'] },
      userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }
    }
  })).json().successResponse.accessTokenJwt as string
  await strictProfile(app)
  const answered = await app.inject({
    method: 'POST',
    url: `${CI}/status`,
    headers: { authorization: `DPoP ${bound}`, dpop: await dpopProof(key, { htm: 'POST', htu, accessToken: bound }), ...ciHeaders(PATIENT) }
  })
  t.equal(answered.statusCode, 200, `strict answers /status without a body: ${answered.body}`)
  t.same([(await recordedFinding(app, 'status-body-unchecked')).count, (await recordedFinding(app, 'status-inferred-fields')).count], [4, 5])
})
