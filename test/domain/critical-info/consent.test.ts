import t from 'tap'
import { KjError } from '../../../server/domain/kj-error.js'
import { toLegacyError } from '../../../server/domain/critical-info/legacy-codes.js'
import { KJ_TEXT_URL, VALID_UNTIL_URL, profileByName, profileFor } from '../../../server/domain/critical-info/profiles/index.js'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { createRecord, deleteRecord, searchRecords, updateRecord, type OperationContext } from '../../../server/domain/critical-info/service.js'
import { CriticalInfoStore } from '../../../server/domain/critical-info/store.js'
import type { FhirResource } from '../../../server/domain/critical-info/types.js'

const NIN = '24868510168'
const NOW = '2026-06-01T10:00:00.000Z'

function ctx (options: Partial<OperationContext> = {}): OperationContext {
  return { store: new CriticalInfoStore(), nin: NIN, now: NOW, ...options }
}

function codeOf (fn: () => unknown): string | undefined {
  try { fn() } catch (err) { return err instanceof KjError ? err.code : String(err) }
  return undefined
}

function locations (resource: FhirResource, name: 'KjConsent' | 'KjConsentBehandlingsavklaring' = 'KjConsent'): string[] {
  return profileByName(name).validate(resource).map((i) => i.location)
}

function withExtensions (resource: FhirResource, extension: unknown[]): FhirResource {
  return { ...resource, extension }
}

const consent = sampleResource('KjConsent', NIN)

t.test('KjConsent: category 8, policyRule 1, scope adr, a required validUntil, a note of at most 500', async (t) => {
  t.same(profileByName('KjConsent').validate(consent), [])
  t.equal(profileFor({ ...consent, meta: undefined })?.name, 'KjConsent', 'category 8 selects it')
  t.same(locations({ ...consent, policyRule: { coding: [{ code: '2' }] } }), ['Consent.policyRule.coding'])
  t.same(locations({ ...consent, policyRule: undefined }), ['Consent.policyRule'])
  t.same(locations({ ...consent, policyRule: { coding: [{ code: '1' }, { system: 'http://example.org' }] } }), ['Consent.policyRule.coding'], 'a coding without its code')
  t.same(locations({ ...consent, scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] } }), ['Consent.scope.coding'])
  t.same(locations(withExtensions(consent, [])), ['Consent.extension:validUntil'], 'validUntil is required')
  t.same(locations(withExtensions(consent, [{ url: VALID_UNTIL_URL, valueDateTime: 'snart' }])), ['Consent.extension:validUntil.valueDateTime'])
  t.same(locations(withExtensions(consent, [{ url: VALID_UNTIL_URL, valueDateTime: '2027-01-01' }, { url: KJ_TEXT_URL, valueString: 'x'.repeat(500) }])), [])
  t.same(profileByName('KjConsent').validate(withExtensions(consent, [{ url: VALID_UNTIL_URL, valueDateTime: '2027-01-01' }, { url: KJ_TEXT_URL, valueString: 'x'.repeat(501) }])),
    [{ location: 'Consent.extension:note', message: 'Invalid element content - max: 500' }])
  t.same(locations({ ...consent, status: 'draft' }), ['Consent.status'])
  for (const status of ['inactive', 'entered-in-error']) t.same(locations({ ...consent, status }), [], `status ${status}`)
  t.same(locations({ ...consent, patient: undefined }), ['Consent.patient'])
  t.same(locations({ ...consent, performer: [{ reference: '#nobody' }] }), ['Consent.performer'], 'the performer is a contained PractitionerRole')
  t.same(locations({ ...consent, category: [{ coding: [{ system: 'http://example.org/other', code: '9' }] }] }), ['Consent.category'])
})

t.test('category codings: codes 3-11 under any system or none', async (t) => {
  for (const coding of [{ code: '8' }, { system: 'urn:oid:2.16.578.1.12.4.1.1.9999', code: '8' }, { system: 'http://nhn.no/kj/fhir/CodeSystem/CriticalInformationCategory', code: '8' }]) {
    const resource = { ...consent, meta: undefined, category: [{ coding: [coding] }] }
    t.equal(profileFor(resource)?.name, 'KjConsent', JSON.stringify(coding))
    t.same(profileByName('KjConsent').validate(resource), [])
  }
  const condition = sampleResource('KjConditionInfection', NIN)
  t.same(profileByName('KjConditionInfection').validate({ ...condition, category: [{ coding: [{ code: '10', display: 'Smitte' }] }] }), [], 'a Condition too')
  const p = profileByName('KjConsent')
  t.equal(JSON.stringify(p.identityOf({ ...consent, category: [{ coding: [{ system: 'http://example.org/real', code: '8' }] }] })), JSON.stringify(p.identityOf(consent)),
    'another system is no change of category')
})

t.test('a consent stays active past its validUntil', async (t) => {
  const expired = withExtensions(consent, [{ url: VALID_UNTIL_URL, valueDateTime: '2020-01-01T00:00:00Z' }])
  t.ok(profileByName('KjConsent').isActive(expired))
  t.same(profileByName('KjConsent').validate(expired), [])
})

t.test('one active KjConsent per patient: KI-0016 here, KJF-000138 on the ticket face', async (t) => {
  const c = ctx()
  const first = createRecord(c, sampleResource('KjConsent', NIN))
  let error: unknown
  try { createRecord(c, sampleResource('KjConsent', NIN)) } catch (err) { error = err }
  t.ok(error instanceof KjError)
  t.equal((error as KjError).code, 'KI-0016')
  t.match((error as KjError).diagnostics, /already has an active KjConsent/)
  t.equal(toLegacyError(error as KjError).code, 'KJF-000138')
  t.equal(toLegacyError(new KjError('KI-0016', 'x')).code, 'KJF-000278', 'other business rules keep their legacy code')

  t.equal(codeOf(() => createRecord(c, { ...sampleResource('KjConsent', NIN), status: 'inactive' })), undefined, 'an inactive one is no conflict')
  const id = String(first.resource.id)
  const inactive = updateRecord(c, 'Consent', id, { ...first.resource, status: 'inactive' })
  t.equal(codeOf(() => createRecord(c, sampleResource('KjConsent', NIN))), undefined, 'once inactivated, a new one may be registered')
  t.equal(codeOf(() => updateRecord(c, 'Consent', id, { ...inactive.resource, status: 'active' })), 'KI-0016', 'reactivating the old one is a second active one')
  t.equal(searchRecords(c, 'Consent', undefined, '8').length, 3)
  t.equal(searchRecords(c, 'Condition', undefined, '8').length, 0)
  const active = searchRecords(c, 'Consent').find((r) => r.status === 'active') as FhirResource
  deleteRecord(c, 'Consent', String(active.id))
  t.equal(codeOf(() => createRecord(c, sampleResource('KjConsent', NIN))), undefined, 'a deleted one is no conflict')
  t.equal(codeOf(() => createRecord(ctx({ store: c.store, nin: '01010112345' }), sampleResource('KjConsent', '01010112345'))), undefined, 'per patient')
})

t.test('KjConsentBehandlingsavklaring: off by default, exclusive with KjConsent', async (t) => {
  const clarification = sampleResource('KjConsentBehandlingsavklaring', NIN)
  t.same(profileByName('KjConsentBehandlingsavklaring').validate(clarification), [])
  t.equal(profileFor({ ...clarification, meta: undefined })?.name, 'KjConsentBehandlingsavklaring')
  t.same(locations({ ...clarification, policyRule: { coding: [{ code: '1' }] } }, 'KjConsentBehandlingsavklaring'), ['Consent.policyRule.coding'])
  t.same(locations(withExtensions(clarification, [{ url: 'http://example.org/behandlingsavklaring-hlr-minus-reason', valueString: 'x'.repeat(81) }]), 'KjConsentBehandlingsavklaring'),
    ['Consent.extension:hlrMinusReason'], 'the reason is at most 80 characters')

  t.equal(codeOf(() => createRecord(ctx(), clarification)), 'KI-0014', 'off: category 11 is an invalid code')

  const on = ctx({ behandlingsavklaring: true })
  const kjConsent = createRecord(on, sampleResource('KjConsent', NIN, { recordedDate: '2026-03-01T00:00:00.000Z' }))
  t.equal(codeOf(() => createRecord(on, sampleResource('KjConsentBehandlingsavklaring', NIN))), 'KI-0016', 'not while a KjConsent is active (valid until 2027)')
  const expiring = withExtensions(kjConsent.resource, [{ url: VALID_UNTIL_URL, valueDateTime: '2026-05-01T00:00:00Z' }])
  updateRecord(on, 'Consent', String(kjConsent.resource.id), expiring)
  const stored = createRecord(on, sampleResource('KjConsentBehandlingsavklaring', NIN))
  t.equal(stored.profile, 'KjConsentBehandlingsavklaring', 'an expired KjConsent does not stand in the way')
  t.equal(codeOf(() => createRecord(on, sampleResource('KjConsentBehandlingsavklaring', NIN))), 'KI-0016', 'one active per patient')
  const second = { ...sampleResource('KjConsent', NIN), status: 'inactive' }
  const inactive = createRecord(on, second)
  t.equal(codeOf(() => updateRecord(on, 'Consent', String(inactive.resource.id), { ...inactive.resource, status: 'active' })), 'KI-0016', 'no KjConsent while a Behandlingsavklaring is active')
})
