import t from 'tap'
import {
  GUESSED_CATEGORY_SYSTEM, PROFILES, profileByName, profileFor, profilesForInfoType
} from '../../../server/domain/critical-info/profiles/index.js'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { PROFILE_BASE, patientElementOf, type FhirMeta, type FhirResource, type ProfileName } from '../../../server/domain/critical-info/types.js'

const NIN = '24868510168'
const CONDITIONS: ProfileName[] = ['KjConditionComplicationsOfAnesthesia', 'KjConditionCriticalMedicalCondition', 'KjConditionTransplantsAndOtherForeignBodies', 'KjConditionInfection']

/** The sample of `name` with some elements replaced (undefined removes one). */
function variant (name: ProfileName, changes: Record<string, unknown>): FhirResource {
  const resource: FhirResource = { ...sampleResource(name, NIN), ...changes }
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete resource[key]
  return resource
}

function locations (name: ProfileName, resource: FhirResource): string[] {
  return profileByName(name).validate(resource).map((i) => i.location)
}

t.test('the table: ten profiles, canonical URLs, unique kategori', async (t) => {
  t.equal(PROFILES.length, 10)
  for (const p of PROFILES) t.equal(p.url, PROFILE_BASE + p.name)
  t.equal(new Set(PROFILES.map((p) => p.kategori)).size, 10)
  t.equal(profileByName('KjAllergyIntolerance').kategori, 'OVER_REAK')
  t.equal(profileByName('KjConditionComplicationsOfAnesthesia').kategori, 'ANESTESI_KOMPL')
  t.equal(profileByName('KjConditionCriticalMedicalCondition').kategori, 'KRITISK_TILSTAND')
  t.equal(profileByName('Nonsense'), undefined)
  t.same(profilesForInfoType('DrugReaction').map((p) => p.name), ['KjAllergyIntolerance'])
  t.same(profilesForInfoType('IntubationProblem').map((p) => p.name), ['KjConditionComplicationsOfAnesthesia'])
  t.same(profilesForInfoType('Infection').map((p) => p.name), ['KjConditionInfection'])
  t.same(profilesForInfoType('TransplantsAndOtherForeignBodies').map((p) => p.name), ['KjConditionTransplantsAndOtherForeignBodies', 'KjDeviceUseStatement'])
})

t.test('profileFor: meta.profile first, then type and category', async (t) => {
  const infection = sampleResource('KjConditionInfection', NIN)
  t.equal(profileFor({ ...infection, meta: { profile: [PROFILE_BASE + 'KjConditionCriticalMedicalCondition|1.0'] } })?.name, 'KjConditionCriticalMedicalCondition', 'a (versioned) canonical wins over the category')
  t.equal(profileFor({ ...infection, meta: { profile: ['http://hl7.no/fhir/StructureDefinition/no-basis-Condition'] } })?.name, 'KjConditionInfection', 'a non-Kj profile falls back to the category')
  t.equal(profileFor({ ...infection, meta: { profile: [PROFILE_BASE + 'KjFlag'] } })?.name, 'KjConditionInfection', 'another type\'s canonical falls back to the category')
  t.equal(profileFor({ ...infection, meta: undefined, category: [{ coding: [{ system: GUESSED_CATEGORY_SYSTEM, code: '99' }] }] }), undefined)
  t.equal(profileFor({ resourceType: 'Observation' }), undefined)
  t.notOk(profileByName('KjConditionInfection').matches({ ...infection, meta: { profile: [PROFILE_BASE + 'KjConditionCriticalMedicalCondition'] } }), 'naming a sibling profile is not this one')
})

t.test('a long note is invalid at <Type>.note, as seed 001 shows', async (t) => {
  for (const name of [...CONDITIONS, 'KjAllergyIntolerance', 'KjProcedure', 'KjDeviceUseStatement'] as ProfileName[]) {
    const type = profileByName(name).resourceType
    t.same(profileByName(name).validate(variant(name, { note: [{ text: 'x'.repeat(500) }] })), [], `${name}: 500 characters are fine`)
    t.same(profileByName(name).validate(variant(name, { note: [{ text: 'ok' }, { text: 'x'.repeat(501) }] })),
      [{ location: `${type}.note`, message: 'Invalid element content - max: 500' }], `${name}: 501 are not`)
  }
  t.same(locations('KjConditionInfection', variant('KjConditionInfection', { note: [{ author: 'x' }] })), ['Condition.note.text'])
})

t.test('the patient: present, by NIN system, 11 digits', async (t) => {
  for (const p of PROFILES) {
    const element = patientElementOf(p.resourceType)
    const at = `${p.resourceType}.${element}`
    t.same(locations(p.name, variant(p.name, { [element]: undefined })), [at], `${p.name}: missing`)
    t.same(locations(p.name, variant(p.name, { [element]: { reference: 'Patient/1' } })), [`${at}.identifier`])
    t.same(locations(p.name, variant(p.name, { [element]: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.2', value: NIN } } })), [`${at}.identifier.system`], `${p.name}: wrong NIN system`)
    t.same(locations(p.name, variant(p.name, { [element]: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '1234' } } })), [`${at}.identifier.value`])
  }
})

t.test('status elements: required, from the value sets, consistent', async (t) => {
  const allergy = sampleResource('KjAllergyIntolerance', NIN)
  const clinical = (code: string): unknown => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code }] })
  const verification = (code: string): unknown => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code }] })
  t.same(locations('KjAllergyIntolerance', { ...allergy, clinicalStatus: clinical('resolved') }), ['AllergyIntolerance.clinicalStatus'])
  t.same(locations('KjAllergyIntolerance', variant('KjAllergyIntolerance', { verificationStatus: undefined })), ['AllergyIntolerance.verificationStatus'])
  t.same(locations('KjAllergyIntolerance', { ...allergy, verificationStatus: { text: 'bekreftet' } }), ['AllergyIntolerance.verificationStatus'])
  t.same(locations('KjAllergyIntolerance', { ...allergy, verificationStatus: verification('refuted') }), ['AllergyIntolerance.clinicalStatus'], 'refuted must be inactive')
  t.same(locations('KjAllergyIntolerance', { ...allergy, clinicalStatus: clinical('inactive') }), ['AllergyIntolerance.clinicalStatus'], 'confirmed must be active')
  const refuted = { ...allergy, clinicalStatus: clinical('inactive'), verificationStatus: verification('refuted') }
  t.same(locations('KjAllergyIntolerance', refuted), [])
  t.notOk(profileByName('KjAllergyIntolerance').isActive(refuted), 'refuted is not active')
  t.notOk(profileByName('KjAllergyIntolerance').isDeleted(refuted), 'but not deleted')

  const condition = sampleResource('KjConditionCriticalMedicalCondition', NIN)
  const unconfirmed = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'unconfirmed' }] }
  t.same(locations('KjConditionCriticalMedicalCondition', { ...condition, verificationStatus: unconfirmed }), ['Condition.verificationStatus'], 'a Condition cannot be unconfirmed')

  for (const [name, refutedCode] of [['KjProcedure', 'completed'], ['KjDeviceUseStatement', 'completed'], ['KjFlag', 'inactive']] as Array<[ProfileName, string]>) {
    const p = profileByName(name)
    const type = p.resourceType
    t.same(locations(name, variant(name, { status: undefined })), [`${type}.status`], `${name}: status required`)
    t.same(locations(name, variant(name, { status: 'on-hold' })), [`${type}.status`], `${name}: status from the value set`)
    const done = variant(name, { status: refutedCode })
    t.same(p.validate(done), [])
    t.notOk(p.isActive(done), `${name}: ${refutedCode} is not active`)
  }
})

t.test('content rules of each profile', async (t) => {
  t.same(locations('KjAllergyIntolerance', variant('KjAllergyIntolerance', { criticality: 'severe' })), ['AllergyIntolerance.criticality'])
  t.match(profileByName('KjAllergyIntolerance').validate(variant('KjAllergyIntolerance', { criticality: 'severe' }))[0]?.message, /Invalid code 'severe' - allowed: low, high, unable-to-assess/)
  t.same(locations('KjAllergyIntolerance', variant('KjAllergyIntolerance', { category: ['drug'] })), ['AllergyIntolerance.category'])
  t.same(locations('KjAllergyIntolerance', variant('KjAllergyIntolerance', { category: ['medication', 'food'] })), ['AllergyIntolerance.category'])
  t.same(locations('KjAllergyIntolerance', variant('KjAllergyIntolerance', { category: undefined })), ['AllergyIntolerance.category'])
  t.same(locations('KjAllergyIntolerance', variant('KjAllergyIntolerance', { code: undefined })), ['AllergyIntolerance.code'])
  t.same(locations('KjAllergyIntolerance', variant('KjAllergyIntolerance', { code: { coding: [{ code: 'J01CE02' }] } })), ['AllergyIntolerance.code.coding'])

  for (const name of CONDITIONS) {
    t.same(locations(name, variant(name, { code: undefined })), ['Condition.code'], `${name}: code required`)
    t.same(locations(name, variant(name, { category: undefined })), ['Condition.category'], `${name}: category required`)
    t.equal(locations(name, variant(name, { category: [{ coding: [{ system: GUESSED_CATEGORY_SYSTEM, code: '9' }] }] }))[0], 'Condition.category', `${name}: another profile's category`)
  }
  const anesthesia = sampleResource('KjConditionComplicationsOfAnesthesia', NIN)
  t.same(locations('KjConditionComplicationsOfAnesthesia', { ...anesthesia, code: { coding: [{ system: GUESSED_CATEGORY_SYSTEM, code: '4' }], text: 'Vanskelig intubasjon' } }), ['Condition.code'], 'the code repeats the category')
  t.same(locations('KjConditionInfection', variant('KjConditionInfection', { code: { text: 'MRSA' } })), ['Condition.code.text'], 'no specification text for infection')

  t.same(locations('KjProcedure', variant('KjProcedure', { category: [{ coding: [{ system: GUESSED_CATEGORY_SYSTEM, code: '6' }] }] })), ['Procedure.category'], 'Procedure.category is one CodeableConcept')
  t.same(locations('KjFlag', variant('KjFlag', { period: { start: '2026-01-01', end: '2025-01-01' } })), ['Flag.period'])
  t.same(locations('KjFlag', variant('KjFlag', { period: { end: 'snart' } })), ['Flag.period.end'])
  t.same(locations('KjDeviceUseStatement', variant('KjDeviceUseStatement', { device: undefined })), ['DeviceUseStatement.device'])
  t.same(locations('KjDeviceUseStatement', variant('KjDeviceUseStatement', { device: { reference: '#nowhere' } })), ['DeviceUseStatement.device'], 'a local reference must resolve')
  t.same(locations('KjConditionInfection', variant('KjConditionInfection', { contained: [] })), ['Condition.recorder', 'Condition.asserter'], 'recorderRef must be contained')
})

t.test('meta.profile may not name another Kj profile; validate refuses another type', async (t) => {
  const infection = sampleResource('KjConditionInfection', NIN)
  const named = { ...infection, meta: { profile: [PROFILE_BASE + 'KjConditionCriticalMedicalCondition'] } }
  t.same(locations('KjConditionInfection', named), ['Condition.meta.profile'])
  t.same(locations('KjConditionCriticalMedicalCondition', named), ['Condition.category'], 'and for the named profile the category is wrong')
  t.same(locations('KjConditionInfection', { ...infection, meta: { profile: 'KjConditionInfection' } as unknown as FhirMeta }), ['Condition.meta.profile'])
  t.same(locations('KjFlag', infection), ['Condition'])
})

t.test('markDeleted: deleted, not active, still valid, input untouched', async (t) => {
  for (const p of PROFILES) {
    const sample = sampleResource(p.name, NIN)
    const before = JSON.stringify(sample)
    const deleted = p.markDeleted(sample)
    t.ok(p.isDeleted(deleted), `${p.name} is deleted`)
    t.notOk(p.isActive(deleted), `${p.name} is not active`)
    t.same(p.validate(deleted), [], `${p.name} still validates`)
    t.equal(JSON.stringify(sample), before, `${p.name}: the input is unchanged`)
    t.same(p.identityOf(deleted), p.identityOf(sample), 'a delete keeps category and code')
  }
  const allergy = profileByName('KjAllergyIntolerance').markDeleted(sampleResource('KjAllergyIntolerance', NIN))
  t.match(allergy, { clinicalStatus: { coding: [{ code: 'inactive' }] }, verificationStatus: { coding: [{ code: 'entered-in-error' }] } })
  t.equal(profileByName('KjFlag').markDeleted(sampleResource('KjFlag', NIN)).status, 'entered-in-error')
})

t.test('filterDeleted keeps identity, status, patient and category only', async (t) => {
  for (const p of PROFILES) {
    const stored = { ...p.markDeleted(sampleResource(p.name, NIN, { text: 'Hemmelig' })), id: 'abc', meta: { versionId: '2', profile: [p.url] } }
    const filtered = p.filterDeleted(stored)
    const allowed = ['resourceType', 'id', 'meta', 'category', 'status', 'clinicalStatus', 'verificationStatus', 'patient', 'subject']
    t.same(Object.keys(filtered).filter((k) => !allowed.includes(k)), [], `${p.name}: nothing else`)
    t.notOk(JSON.stringify(filtered).includes('Hemmelig'), `${p.name}: the text is gone`)
    t.notOk(filtered.contained, 'the recorder is gone')
    t.equal(filtered.id, 'abc')
    t.ok(p.isDeleted(filtered), 'still reads as deleted')
  }
})

t.test('identityOf: category and code, not notes or displays', async (t) => {
  for (const p of PROFILES) {
    const sample = sampleResource(p.name, NIN)
    const id = JSON.stringify(p.identityOf(sample))
    t.equal(JSON.stringify(p.identityOf({ ...sample, note: [{ text: 'Ny merknad' }] })), id, `${p.name}: a note is no change`)
  }
  const drug = sampleResource('KjAllergyIntolerance', NIN)
  const ai = profileByName('KjAllergyIntolerance')
  const recoded = { ...drug, code: { coding: [{ system: 'http://nhn.no/kj/fhir/CodeSystem/ATC', code: 'J01CA04', display: 'Amoksicillin' }] } }
  t.not(JSON.stringify(ai.identityOf(recoded)), JSON.stringify(ai.identityOf(drug)), 'another code')
  t.not(JSON.stringify(ai.identityOf({ ...drug, category: ['food'] })), JSON.stringify(ai.identityOf(drug)), 'another category')
  const redisplayed = { ...drug, code: { coding: [{ system: 'http://nhn.no/kj/fhir/CodeSystem/ATC', code: 'J01CE02', display: 'Penicillin V' }], text: 'fritekst' } }
  t.equal(JSON.stringify(ai.identityOf(redisplayed)), JSON.stringify(ai.identityOf(drug)), 'display, userSelected and text beside a coding are no change')
  const latex = sampleResource('KjAllergyIntolerance', NIN, { criticalInfoType: 'OtherAllergen' })
  t.not(JSON.stringify(ai.identityOf({ ...latex, code: { text: 'Nikkel' } })), JSON.stringify(ai.identityOf(latex)), 'an uncoded text is the code')

  const anesthesia = profileByName('KjConditionComplicationsOfAnesthesia')
  const intubation = sampleResource('KjConditionComplicationsOfAnesthesia', NIN)
  const other = sampleResource('KjConditionComplicationsOfAnesthesia', NIN, { criticalInfoType: 'OtherProblemWithAnesthesia' })
  t.not(JSON.stringify(anesthesia.identityOf(other)), JSON.stringify(anesthesia.identityOf(intubation)), 'category 3 vs 4')
  const dus = profileByName('KjDeviceUseStatement')
  const pacemaker = sampleResource('KjDeviceUseStatement', NIN)
  const icd = { ...pacemaker, contained: [(pacemaker.contained as unknown[])[0], { resourceType: 'Device', id: 'device', type: { text: 'ICD' } }] }
  t.not(JSON.stringify(dus.identityOf(icd)), JSON.stringify(dus.identityOf(pacemaker)), 'another device')
})
