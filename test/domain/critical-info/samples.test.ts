import t from 'tap'
import { profileByName, profileFor, PROFILES } from '../../../server/domain/critical-info/profiles/index.js'
import { sampleResource, seedRecordsFor } from '../../../server/domain/critical-info/samples.js'
import { patientNinOf, type CriticalInfoType, type ProfileName } from '../../../server/domain/critical-info/types.js'

const NIN = '24868510168'

/** Every profile with each of its sub-types (or none), so every sample shape is covered. */
const VARIANTS = PROFILES.flatMap((p): Array<[ProfileName, CriticalInfoType | undefined]> =>
  p.criticalInfoTypes.length > 1 ? p.criticalInfoTypes.map((c) => [p.name, c]) : [[p.name, undefined]])

t.test('every sample is valid for its own profile and found by profileFor', async (t) => {
  for (const [name, type] of VARIANTS) {
    const resource = sampleResource(name, NIN, type !== undefined ? { criticalInfoType: type } : {})
    const profile = profileByName(name)
    t.same(profile.validate(resource), [], `${name} ${type ?? ''} validates`)
    t.equal(profileFor(resource), profile, `${name} by meta.profile`)
    const { meta: _meta, ...undeclared } = resource
    t.equal(profileFor(undeclared), profile, `${name} by type and category alone`)
    t.ok(profile.isActive(resource), `${name} is active`)
    t.notOk(profile.isDeleted(resource))
    t.equal(patientNinOf(resource), NIN)
    t.notOk(resource.id, 'no id: the API assigns it')
    t.same(resource.meta, { profile: [profile.url] })
    t.equal((resource.contained as Array<{ id: string }>)[0]?.id, 'recorderRef')
  }
})

t.test('samples carry the realistic content the scenarios talk about', async (t) => {
  const drug = sampleResource('KjAllergyIntolerance', NIN)
  t.match(drug, { category: ['medication'], code: { coding: [{ system: 'http://nhn.no/kj/fhir/CodeSystem/ATC', code: 'J01CE02' }] }, recorder: { reference: '#recorderRef' } })
  t.match(sampleResource('KjAllergyIntolerance', NIN, { criticalInfoType: 'OtherAllergen' }), { category: ['environment'], code: { text: /Lateks/ } })
  t.match(sampleResource('KjConditionComplicationsOfAnesthesia', NIN), { code: { text: 'Vanskelig intubasjon' } })
  t.match(sampleResource('KjConditionComplicationsOfAnesthesia', NIN, { criticalInfoType: 'OtherProblemWithAnesthesia' }), { code: { text: 'Malign hypertermi' } })
  t.match(sampleResource('KjConditionCriticalMedicalCondition', NIN), { code: { text: 'Hemofili A' } })
  t.match(sampleResource('KjConditionInfection', NIN), { code: { coding: [{ display: /MRSA/ }] } })
  t.notOk((sampleResource('KjConditionInfection', NIN).code as { text?: string }).text, 'no specification text for infection')
  t.match(sampleResource('KjConditionTransplantsAndOtherForeignBodies', NIN), { code: { text: 'Transplantert nyre' } })
  t.match(sampleResource('KjDeviceUseStatement', NIN), { device: { reference: '#device' }, contained: [{ id: 'recorderRef' }, { resourceType: 'Device', type: { text: 'Pacemaker' } }] })
  t.match(sampleResource('KjFlag', NIN, { recordedDate: '2025-03-01T08:00:00.000Z' }), { period: { start: '2025-03-01T08:00:00.000Z', end: '2027-03-01T08:00:00.000Z' } })
  t.match(sampleResource('KjProcedure', NIN), { status: 'in-progress', code: { text: /dialyse/i } })
})

t.test('options: recordedDate, text, and a sub-type the profile lacks', async (t) => {
  const when = '2024-06-20T07:05:00.000Z'
  t.equal(sampleResource('KjConditionCriticalMedicalCondition', NIN, { recordedDate: when }).recordedDate, when)
  t.equal(sampleResource('KjDeviceUseStatement', NIN, { recordedDate: when }).recordedOn, when)
  t.equal((sampleResource('KjConditionCriticalMedicalCondition', NIN, { text: 'Hemofili A, alvorlig' }).code as { text: string }).text, 'Hemofili A, alvorlig')
  t.same(sampleResource('KjConditionInfection', NIN, { text: 'Bærer' }).note, [{ text: 'Bærer' }])
  t.throws(() => sampleResource('KjProcedure', NIN, { criticalInfoType: 'Infection' }), RangeError)
  t.throws(() => sampleResource('KjFlag', NIN, { recordedDate: 'i går' }), RangeError)
})

t.test('criticalInfoTypeOf names each sample\'s sub-type', async (t) => {
  const typeOf = (name: ProfileName, type?: CriticalInfoType): CriticalInfoType | undefined =>
    profileByName(name).criticalInfoTypeOf(sampleResource(name, NIN, type !== undefined ? { criticalInfoType: type } : {}))
  t.equal(typeOf('KjAllergyIntolerance'), 'DrugReaction')
  t.equal(typeOf('KjAllergyIntolerance', 'OtherAllergen'), 'OtherAllergen')
  t.equal(typeOf('KjConditionComplicationsOfAnesthesia'), 'IntubationProblem')
  t.equal(typeOf('KjConditionComplicationsOfAnesthesia', 'OtherProblemWithAnesthesia'), 'OtherProblemWithAnesthesia')
  t.equal(typeOf('KjConditionCriticalMedicalCondition'), 'CriticalMedicalCondition')
  t.equal(typeOf('KjConditionInfection'), 'Infection')
  t.equal(typeOf('KjConditionTransplantsAndOtherForeignBodies'), 'TransplantsAndOtherForeignBodies')
  t.equal(typeOf('KjDeviceUseStatement'), 'TransplantsAndOtherForeignBodies')
  t.equal(typeOf('KjProcedure'), undefined)
  t.equal(typeOf('KjFlag'), undefined)
  for (const [name, type] of VARIANTS) {
    const got = typeOf(name, type)
    if (got !== undefined) t.ok(profileByName(name).criticalInfoTypes.includes(got), `${name}: ${got} is one of its criticalInfoTypes`)
  }
})

t.test('seedRecordsFor turns the fixture kategorier into records stamped with sistEndret', async (t) => {
  const kategorier = [
    { kategori: 'OVER_REAK', sistEndret: '2026-03-14T09:12:00.000Z' },
    { kategori: 'ANESTESI_KOMPL', sistEndret: '2025-11-02T13:40:00.000Z' },
    { kategori: 'KRITISK_TILSTAND', sistEndret: '2024-06-20T07:05:00.000Z' },
    { kategori: 'UKJENT', sistEndret: '2024-01-01T00:00:00.000Z' }
  ]
  const records = seedRecordsFor(NIN, kategorier)
  t.equal(records.length, 3, 'the unknown kategori is skipped')
  t.same(records.map((r) => profileFor(r)?.name), ['KjAllergyIntolerance', 'KjConditionComplicationsOfAnesthesia', 'KjConditionCriticalMedicalCondition'])
  records.forEach((r, i) => {
    const { kategori, sistEndret } = kategorier[i] as { kategori: string, sistEndret: string }
    const profile = profileFor(r)
    t.equal(profile?.kategori, kategori)
    t.equal(r.meta?.lastUpdated, sistEndret)
    t.equal(r.recordedDate, sistEndret)
    t.same(profile?.validate(r), [])
  })
  const twice = seedRecordsFor(NIN, [kategorier[0], kategorier[0]] as typeof kategorier)
  t.same(twice.map((r) => profileByName('KjAllergyIntolerance').criticalInfoTypeOf(r)), ['DrugReaction', 'OtherAllergen'], 'a repeated kategori takes the next sub-type')
  for (const p of PROFILES) {
    const [record] = seedRecordsFor(NIN, [{ kategori: p.kategori, sistEndret: '2025-05-05T05:05:05.000Z' }])
    t.equal(record !== undefined ? profileFor(record) : undefined, p, `kategori ${p.kategori} seeds ${p.name}`)
  }
})
