/** FHIR interactions on the critical-information API, with FHIR R4's headers and the API's rules. */
import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { build } from '../../helper.js'
import { ci, ciToken, entryCount, expectOutcome } from '../../support/critical-info.js'
import { helseindikator } from '../../support/kj.js'

const PLAIN = '24868510168'

t.test('create, read, search, update, delete, history: the whole life of a record', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const body = sampleResource('KjAllergyIntolerance', PLAIN)
  const created = await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body })
  t.equal(created.statusCode, 201, created.body)
  t.match(created.headers['content-type'], /application\/fhir\+json/)
  const record = created.json()
  t.match(record, { resourceType: 'AllergyIntolerance', id: String, meta: { versionId: '1', lastUpdated: String, profile: ['http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntolerance'] } })
  t.equal(created.headers.etag, 'W/"1"')
  t.ok(created.headers['last-modified'])
  t.match(created.headers.location, new RegExp(`/api/critical-information/v1/AllergyIntolerance/${record.id as string}/_history/1$`))

  const read = await ci(app, 'GET', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN })
  t.equal(read.statusCode, 200)
  t.same(read.json(), record)

  const search = await ci(app, 'GET', '/AllergyIntolerance', { token, nin: PLAIN })
  t.same(Object.keys(search.json()).sort(), ['entry', 'resourceType', 'type'], 'a search Bundle as NHN\'s examples show it')
  t.equal(entryCount(search), 1)
  const filtered = await ci(app, 'GET', '/AllergyIntolerance?criticalInfoType=OtherAllergen', { token, nin: PLAIN })
  t.equal(entryCount(filtered), 0, 'a drug reaction is not an OtherAllergen')
  const drug = await ci(app, 'GET', '/AllergyIntolerance?criticalInfoType=DrugReaction', { token, nin: PLAIN })
  t.equal(entryCount(drug), 1)

  const changed = { ...record, note: [{ text: 'Utslett og pustebesvær etter penicillin.' }] }
  const updated = await ci(app, 'PUT', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN, body: changed, headers: { 'if-match': 'W/"1"' } })
  t.equal(updated.statusCode, 200, updated.body)
  t.equal(updated.json().meta.versionId, '2')
  t.equal(updated.headers.etag, 'W/"2"')

  const stale = await ci(app, 'PUT', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN, body: changed })
  expectOutcome(t, stale, 'KI-0011', 409)
  const nothing = await ci(app, 'PUT', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN, body: updated.json() })
  expectOutcome(t, nothing, 'KI-0013', 400)
  const ifMatch = await ci(app, 'PUT', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN, body: { ...(updated.json() as object), note: [{ text: 'x' }] }, headers: { 'if-match': 'W/"1"' } })
  expectOutcome(t, ifMatch, 'KI-0011', 409)

  const oldDelete = await ci(app, 'DELETE', `/AllergyIntolerance/${record.id as string}/_history/1`, { token, nin: PLAIN })
  expectOutcome(t, oldDelete, 'KI-0016', 400)
  const deleted = await ci(app, 'DELETE', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN })
  t.equal(deleted.statusCode, 204)
  const gone = await ci(app, 'GET', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN })
  t.equal(gone.statusCode, 410, 'a deleted record reads as 410 Gone')
  t.equal(gone.json().resourceType, 'AllergyIntolerance', 'with filtered content')
  t.notOk(gone.json().note, 'clinical content filtered away')
  t.equal(entryCount(await ci(app, 'GET', '/AllergyIntolerance', { token, nin: PLAIN })), 0, 'deleted records leave the search')

  const history = await ci(app, 'GET', `/AllergyIntolerance/${record.id as string}/_history`, { token, nin: PLAIN })
  t.match(history.json(), { resourceType: 'Bundle', type: 'history', total: 3 })
  const v1 = await ci(app, 'GET', `/AllergyIntolerance/${record.id as string}/_history/1`, { token, nin: PLAIN })
  t.equal(v1.json().meta.versionId, '1')
  t.notOk(v1.json().note, 'old versions of a deleted record are filtered too')
  const updateDeleted = await ci(app, 'PUT', `/AllergyIntolerance/${record.id as string}`, { token, nin: PLAIN, body: { ...changed, meta: { versionId: '3' } } })
  expectOutcome(t, updateDeleted, 'KI-0016', 400)
})

t.test('validation and business rules, each with its code', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const condition = sampleResource('KjConditionCriticalMedicalCondition', PLAIN)
  const long = await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: { ...condition, note: [{ text: 'x'.repeat(501) }] } })
  expectOutcome(t, long, 'KI-0014', 400)
  t.same(long.json().issue[0].location, ['Condition.note'])
  expectOutcome(t, await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: '{"resourceType":' }), 'KI-0007', 400)
  expectOutcome(t, await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN) }), 'KI-0007', 400)
  expectOutcome(t, await ci(app, 'POST', '/Condition', { token, nin: '17815810112', body: condition }), 'KI-0010', 400)
  expectOutcome(t, await ci(app, 'GET', '/Condition/00000000-0000-0000-0000-000000000000', { token, nin: PLAIN }), 'KI-0015', 404)
  expectOutcome(t, await ci(app, 'GET', '/Patient', { token, nin: PLAIN }), 'KI-0012', 501)
  expectOutcome(t, await ci(app, 'GET', '/Condition?criticalInfoType=Nonsense', { token, nin: PLAIN }), 'KI-0007', 400)

  const created = (await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: condition })).json()
  const infection = sampleResource('KjConditionInfection', PLAIN)
  const recategorised = await ci(app, 'PUT', `/Condition/${created.id as string}`, { token, nin: PLAIN, body: { ...created, code: infection.code } })
  expectOutcome(t, recategorised, 'KI-0016', 400)
  const noVersion = await ci(app, 'PUT', `/Condition/${created.id as string}`, { token, nin: PLAIN, body: { ...created, meta: {} } })
  expectOutcome(t, noVersion, 'KI-0007', 400)
  const latest = (await ci(app, 'GET', `/Condition/${created.id as string}`, { token, nin: PLAIN })).json()
  const asDeleted = { ...latest, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' }] }, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'inactive' }] } }
  expectOutcome(t, await ci(app, 'PUT', `/Condition/${created.id as string}`, { token, nin: PLAIN, body: asDeleted }), 'KI-0016', 400)
  const plain = await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: JSON.stringify(condition), headers: { 'content-type': 'text/plain' } })
  expectOutcome(t, plain, 'KI-0007', 400)
  t.match(plain.json().issue[0].diagnostics, /Content-Type/)
  const viaPlural = await ci(app, 'GET', '/Conditions?criticalInfoType=CriticalMedicalCondition', { token, nin: PLAIN })
  t.equal(entryCount(viaPlural), 1, 'the documented spelling Conditions works too')
})

t.test('writing changes what helseindikator and the status endpoint answer', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  t.equal((await helseindikator(app, { fnr: PLAIN })).json().status, 2)
  const created = (await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN) })).json()
  const after = (await helseindikator(app, { fnr: PLAIN })).json()
  t.equal(after.status, 4)
  t.same(after.sistEndretKritiskInfo, [{ kategori: 'OVER_REAK', sistEndret: created.meta.lastUpdated }])
  // The answer is kept until the store changes: a second write must show at once.
  const condition = (await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: sampleResource('KjConditionInfection', PLAIN) })).json()
  t.same((await helseindikator(app, { fnr: PLAIN })).json().sistEndretKritiskInfo?.map((c: { sistEndret: string }) => c.sistEndret).sort(),
    [created.meta.lastUpdated, condition.meta.lastUpdated].sort(), 'a new record shows in the next answer')
  await ci(app, 'DELETE', `/Condition/${condition.id as string}`, { token, nin: PLAIN })
  t.same((await helseindikator(app, { fnr: PLAIN })).json().sistEndretKritiskInfo, after.sistEndretKritiskInfo, 'a deleted one leaves the next answer')
  const status = await ci(app, 'POST', '/status', { token, nin: PLAIN, body: { nin: PLAIN } })
  t.equal(status.statusCode, 200, status.body)
  t.match(status.json(), { patientNIN: PLAIN, hasCriticalInformation: true, hasActiveCriticalInformation: true, lastChangedDateTime: created.meta.lastUpdated })
  await ci(app, 'DELETE', `/AllergyIntolerance/${created.id as string}`, { token, nin: PLAIN })
  t.equal((await helseindikator(app, { fnr: PLAIN })).json().status, 2, 'deleting the only record takes the patient back to status 2')
  t.match((await ci(app, 'POST', '/status', { token, nin: PLAIN, body: { nin: PLAIN } })).json(), { hasCriticalInformation: false })
})

t.test('metadata is a CapabilityStatement naming the Kj profiles', async (t) => {
  const app = await build(t)
  const res = await app.inject('/api/critical-information/v1/metadata')
  t.equal(res.statusCode, 200)
  const cs = res.json()
  t.match(cs, { resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' })
  t.ok(JSON.stringify(cs).includes('http://nhn.no/kj/fhir/StructureDefinition/KjConditionInfection'))
})
