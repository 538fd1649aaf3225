/** Consent (KjConsent, category 8) on both FHIR faces, its one-active rule, and the category settings. */
import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { build } from '../../helper.js'
import { ci, ciToken, entryCount, expectOutcome, expectTicketOutcome, kjUserToken, legacy, ticketFor } from '../../support/critical-info.js'
import { helseindikator } from '../../support/kj.js'

const PLAIN = '24868510168'
const GUESS = 'http://nhn.no/kj/fhir/CodeSystem/CriticalInformationCategory'
type Json = Record<string, unknown>

function categorySystems (resource: Json): unknown[] {
  return (resource.category as Array<{ coding: Array<{ system?: string }> }>).flatMap((c) => c.coding.map((x) => x.system))
}

t.test('a KjConsent lives on the critical-information API: create, read, search by category, update, delete, 410, history', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const body = sampleResource('KjConsent', PLAIN, { recordedDate: '2026-01-01T00:00:00.000Z' })
  const created = await ci(app, 'POST', '/Consent', { token, nin: PLAIN, body })
  t.equal(created.statusCode, 201, created.body)
  const record = created.json() as Json
  t.match(record, { resourceType: 'Consent', status: 'active', meta: { versionId: '1', profile: ['http://nhn.no/kj/fhir/StructureDefinition/KjConsent'] } })
  t.match(created.headers.location, /\/api\/critical-information\/v1\/Consent\/[^/]+\/_history\/1$/)
  const id = String(record.id)

  t.same((await ci(app, 'GET', `/Consent/${id}`, { token, nin: PLAIN })).json(), record)
  t.equal(entryCount(await ci(app, 'GET', '/Consent?category=8', { token, nin: PLAIN })), 1)
  t.equal(entryCount(await ci(app, 'GET', `/Consent?category=${encodeURIComponent('http://example.org|8')}`, { token, nin: PLAIN })), 1, 'the system is not compared')
  t.equal(entryCount(await ci(app, 'GET', '/Consent?category=11', { token, nin: PLAIN })), 0)
  t.equal(entryCount(await ci(app, 'GET', '/Condition?category=8', { token, nin: PLAIN })), 0)
  expectOutcome(t, await ci(app, 'GET', '/Consent?category=', { token, nin: PLAIN }), 'KI-0007', 400)

  const second = await ci(app, 'POST', '/Consent', { token, nin: PLAIN, body })
  expectOutcome(t, second, 'KI-0016', 400)
  t.match(second.json().issue[0].diagnostics, /already has an active KjConsent/)

  const long = { ...record, extension: [{ url: 'http://nhn.no/kj/fhir/StructureDefinition/KjValidUntil', valueDateTime: '2027-01-01' }, { url: 'http://nhn.no/kj/fhir/StructureDefinition/KjText', valueString: 'x'.repeat(501) }] }
  expectOutcome(t, await ci(app, 'PUT', `/Consent/${id}`, { token, nin: PLAIN, body: long }), 'KI-0014', 400)
  const noValidUntil = { ...record, extension: [] }
  expectOutcome(t, await ci(app, 'PUT', `/Consent/${id}`, { token, nin: PLAIN, body: noValidUntil }), 'KI-0014', 400)
  expectOutcome(t, await ci(app, 'PUT', `/Consent/${id}`, { token, nin: PLAIN, body: { ...record, scope: { coding: [{ code: 'treatment' }] } } }), 'KI-0014', 400)

  const refuted = await ci(app, 'PUT', `/Consent/${id}`, { token, nin: PLAIN, body: { ...record, status: 'inactive' } })
  t.equal(refuted.statusCode, 200, refuted.body)
  t.equal((await ci(app, 'POST', '/Consent', { token, nin: PLAIN, body })).statusCode, 201, 'once the first is inactive, another may be registered')

  t.equal((await ci(app, 'DELETE', `/Consent/${id}`, { token, nin: PLAIN })).statusCode, 204)
  const gone = await ci(app, 'GET', `/Consent/${id}`, { token, nin: PLAIN })
  t.equal(gone.statusCode, 410)
  t.match(gone.json(), { resourceType: 'Consent', status: 'entered-in-error', patient: { identifier: { value: PLAIN } } })
  t.notOk(gone.json().extension, 'the note and validUntil are filtered away')
  t.match((await ci(app, 'GET', `/Consent/${id}/_history`, { token, nin: PLAIN })).json(), { resourceType: 'Bundle', type: 'history', total: 3 })

  const status = await ci(app, 'POST', '/status', { token, nin: PLAIN, body: { nin: PLAIN } })
  t.equal(status.statusCode, 200, status.body)
  t.match(status.json(), { hasCriticalInformation: true, dateChanged: { consentDate: String } })
  const indicator = await helseindikator(app, { fnr: PLAIN })
  t.match(indicator.json(), { status: 4, sistEndretKritiskInfo: [{ kategori: 'LIVSFORLENGENDE_BEHANDLING' }] }, 'helseindikator counts it')
})

t.test('on the ticket face: a second active KjConsent is KJF-000138', async (t) => {
  const app = await build(t)
  const token = await kjUserToken(app)
  const ticket = await ticketFor(app, PLAIN)
  const body = sampleResource('KjConsent', PLAIN)
  const created = await legacy(app, 'POST', '/Consent', { token, ticket, body })
  t.equal(created.statusCode, 201, created.body)
  expectTicketOutcome(t, await legacy(app, 'POST', '/Consent', { token, ticket, body }), 'KJF-000138', 409)
  const found = await legacy(app, 'GET', '/Consent?category=8', { token, ticket })
  t.equal(entryCount(found), 1)
  const everything = await legacy(app, 'GET', '/Patient/$everything', { token, ticket })
  t.ok((everything.json().entry as Array<{ resource: Json }>).some((e) => e.resource.resourceType === 'Consent'))
  const viaApi = await ci(app, 'GET', `/Consent/${String(created.json().id)}`, { token: await ciToken(app), nin: PLAIN })
  t.equal(viaApi.statusCode, 200, 'one store, two faces')
})

t.test('the capability statements list Consent; KjConsentBehandlingsavklaring only when served', async (t) => {
  const app = await build(t)
  for (const url of ['/api/critical-information/v1/metadata', '/v1/fhir/metadata']) {
    const resources = (await app.inject({ url })).json().rest[0].resource as Array<{ type: string, supportedProfile?: string[], searchParam?: Array<{ name: string }> }>
    const consent = resources.find((r) => r.type === 'Consent')
    t.same(consent?.supportedProfile, ['http://nhn.no/kj/fhir/StructureDefinition/KjConsent'], url)
    t.ok(consent?.searchParam?.some((p) => p.name === 'category'))
  }
  const on = await build(t, { KJCONSENT_BEHANDLINGSAVKLARING: 'true' })
  const resources = (await on.inject({ url: '/api/critical-information/v1/metadata' })).json().rest[0].resource as Array<{ type: string, supportedProfile?: string[] }>
  t.equal(resources.find((r) => r.type === 'Consent')?.supportedProfile?.length, 2)
})

t.test('KjConsentBehandlingsavklaring: refused while off, exclusive with KjConsent when on', async (t) => {
  const off = await build(t)
  const clarification = sampleResource('KjConsentBehandlingsavklaring', PLAIN)
  const refused = await ci(off, 'POST', '/Consent', { token: await ciToken(off), nin: PLAIN, body: clarification })
  expectOutcome(t, refused, 'KI-0014', 400)
  t.match(refused.json().issue[0].diagnostics, /KJCONSENT_BEHANDLINGSAVKLARING/)

  const on = await build(t, { KJCONSENT_BEHANDLINGSAVKLARING: 'true' })
  const token = await ciToken(on)
  t.equal((await ci(on, 'POST', '/Consent', { token, nin: PLAIN, body: clarification })).statusCode, 201)
  expectOutcome(t, await ci(on, 'POST', '/Consent', { token, nin: PLAIN, body: sampleResource('KjConsent', PLAIN) }), 'KI-0016', 400)
})

t.test('category codings: any system or none in, the configured system out', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const body = sampleResource('KjConditionInfection', PLAIN)
  const none = { ...body, category: [{ coding: [{ code: '10', display: 'Smitte' }] }] }
  const created = await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: none })
  t.equal(created.statusCode, 201, created.body)
  t.same(categorySystems(created.json()), [undefined], 'what the EHR wrote comes back as written')
  const other = { ...body, category: [{ coding: [{ system: 'http://example.org/kategori', code: '10' }] }] }
  t.equal((await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: other })).statusCode, 201)
  const guessed = await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body })
  t.same(categorySystems(guessed.json()), [GUESS], 'by default the answers carry the guess')

  const configured = await build(t, { CATEGORY_SYSTEM: 'urn:oid:2.16.578.1.12.4.1.1.0000' })
  const configuredToken = await ciToken(configured)
  const written = await ci(configured, 'POST', '/Condition', { token: configuredToken, nin: PLAIN, body })
  t.same(categorySystems(written.json()), ['urn:oid:2.16.578.1.12.4.1.1.0000'], 'the guess is rewritten to the configured system')
  const readBack = written.json() as Json
  const updated = await ci(configured, 'PUT', `/Condition/${String(readBack.id)}`, { token: configuredToken, nin: PLAIN, body: { ...readBack, note: [{ text: 'endret' }] } })
  t.equal(updated.statusCode, 200, `writing back what was read is no change of category: ${updated.body}`)

  const omitted = await build(t, { CATEGORY_SYSTEM: 'none' })
  const search = await ci(omitted, 'GET', '/Condition', { token: await ciToken(omitted), nin: '17815810112' })
  const seeded = (search.json().entry as Array<{ resource: Json }>).map((e) => e.resource)
  t.ok(seeded.length > 0)
  for (const r of seeded) t.same(categorySystems(r), [undefined], 'CATEGORY_SYSTEM=none leaves the system out')
  const again = await ci(omitted, 'GET', '/Condition', { token: await ciToken(omitted), nin: '17815810112' })
  t.equal(again.body, search.body, 'the same search, the same answer (kept, see sealed-json.ts)')
  const one = seeded[0] as Json
  const read = await ci(omitted, 'GET', `/Condition/${String(one.id)}`, { token: await ciToken(omitted), nin: '17815810112' })
  t.same(read.json(), one, 'a read carries the same form as the search')
  t.same(categorySystems(read.json()), [undefined])
})
