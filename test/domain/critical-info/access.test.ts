import t from 'tap'
import { fileURLToPath } from 'node:url'
import {
  checkMayRegister, checkPatientAccess, checkRole, checkUser, KJ_GRANTED_ROLES, statusResponse
} from '../../../server/domain/critical-info/access.js'
import { PROFILE_BASE, type FhirResource } from '../../../server/domain/critical-info/types.js'
import { readFixture } from '../../../server/domain/world/fixture-file.js'
import { patientsFileSchema, type Patient } from '../../../server/domain/world/patients.js'
import { usersFileSchema, type User } from '../../../server/domain/world/users.js'

const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url))
const users = await readFixture(fixture('users.json'), usersFileSchema)
const patients = await readFixture(fixture('patients.json'), patientsFileSchema)
const NOW = new Date(Date.UTC(2026, 2, 14))

const userOf = (pid: string): User => users.find((u) => u.pid === pid) as User
const patientOf = (nin: string): Patient => patients.find((p) => p.nin === nin) as Patient
const tokenOf = (pid: string): { pid: string, hprNumber?: string } => {
  const hprNumber = userOf(pid).hprNumber
  return hprNumber === undefined ? { pid } : { pid, hprNumber }
}

const LEGE = '01887840020'
const SYKEPLEIER = '15897140001' // HPR 900100202, blocked by BLOCKING
const FYSIOTERAPEUT = '06838810177'
const BLOCKING = '19878110199'
const RESTRICTED = '08847310112'
const PLAIN = '24868510168'

t.test('checkUser lets in registered, confirmed, adult users with a granted role', async (t) => {
  t.equal(checkUser(tokenOf(LEGE), users, NOW), userOf(LEGE))
  t.equal(checkUser(tokenOf(SYKEPLEIER), users, NOW).roles[0], 'SP')
  t.equal(checkUser({ pid: LEGE }, users, NOW), userOf(LEGE), 'the HPR number comes from the registry stand-in, not the token')
})

t.test('checkUser refuses each kind of user with its code', async (t) => {
  t.throws(() => checkUser({}, users, NOW), { code: 'KJF-000218' }, 'a system token where a user is needed')
  t.throws(() => checkUser(tokenOf('13818310166'), users, NOW), { code: 'KJF-000223' }, 'not registered in Kjernejournal')
  t.throws(() => checkUser(tokenOf('07916940046'), users, NOW), { code: 'KJF-000132' }, 'no HPR number')
  t.throws(() => checkUser(tokenOf('25907610198'), users, NOW), { code: 'KJF-000308' }, 'Kjernejournal knowledge not confirmed')
  t.throws(() => checkUser(tokenOf('16891250146'), users, NOW), { code: 'KJF-000134' }, 'under 16')
  t.throws(() => checkUser(tokenOf(FYSIOTERAPEUT), users, NOW), { code: 'KJF-000163' }, 'FT is not a granted role')
})

t.test('age is judged at the sandbox\'s time, not the machine\'s', async (t) => {
  // 16891250146 was born 16 Sep 2012.
  t.throws(() => checkUser({ pid: '16891250146', hprNumber: '900100999' }, users, new Date(Date.UTC(2028, 8, 15))), { code: 'KJF-000134' })
  t.throws(() => checkUser({ pid: '16891250146', hprNumber: '900100999' }, users, new Date(Date.UTC(2028, 8, 16))), { code: 'KJF-000132' }, 'at 16 the next rule applies')
})

t.test('someone the fixtures do not know is an ad hoc physician when the token has an HPR number', async (t) => {
  const adHoc = checkUser({ pid: PLAIN, hprNumber: '565501872' }, users, NOW)
  t.match(adHoc, { pid: PLAIN, hprNumber: '565501872', roles: ['LE'], registeredInKj: true, kjKnowledgeConfirmed: true })
  t.throws(() => checkUser({ pid: PLAIN }, users, NOW), { code: 'KJF-000132' }, 'without one, no HPR authorisation')
})

t.test('the granted roles include LE and SP but not FT', async (t) => {
  t.ok(KJ_GRANTED_ROLES.has('LE'))
  t.ok(KJ_GRANTED_ROLES.has('SP'))
  t.notOk(KJ_GRANTED_ROLES.has('FT'))
})

t.test('checkRole: the role must be the user\'s own and granted', async (t) => {
  t.doesNotThrow(() => checkRole(userOf(LEGE), { code: 'LE' }))
  t.throws(() => checkRole(userOf(LEGE), { code: 'SP' }), { code: 'KI-0017', diagnostics: /does not hold/ })
  t.throws(() => checkRole(userOf(FYSIOTERAPEUT), { code: 'FT' }), { code: 'KI-0017', diagnostics: /not granted/ })
})

t.test('checkPatientAccess: blocks, restrictions and needless elevation on both faces', async (t) => {
  const lege = userOf(LEGE)
  const sykepleier = userOf(SYKEPLEIER)
  const ordinary = { elevated: false }
  const elevated = { elevated: true }
  for (const face of ['critical-information', 'fhir-legacy'] as const) {
    t.doesNotThrow(() => checkPatientAccess(patientOf(PLAIN), lege, ordinary, face), `${face}: a plain patient`)
    t.doesNotThrow(() => checkPatientAccess(patientOf(BLOCKING), lege, ordinary, face), `${face}: blocks only the blocked HPR number`)
    t.doesNotThrow(() => checkPatientAccess(patientOf(BLOCKING), undefined, ordinary, face), `${face}: a system token is not blocked`)
    t.doesNotThrow(() => checkPatientAccess(patientOf(RESTRICTED), lege, elevated, face), `${face}: an elevated basis opens a restriction`)
    t.throws(() => checkPatientAccess(patientOf(PLAIN), lege, elevated, face), { code: 'KJF-000356' }, `${face}: elevation without a restriction`)
  }
  t.throws(() => checkPatientAccess(patientOf(BLOCKING), sykepleier, ordinary, 'critical-information'), { code: 'KI-0018' })
  t.throws(() => checkPatientAccess(patientOf(BLOCKING), sykepleier, ordinary, 'fhir-legacy'), { code: 'KJF-000352' })
  t.throws(() => checkPatientAccess(patientOf(BLOCKING), sykepleier, elevated, 'critical-information'), { code: 'KI-0018' }, 'a block cannot be bypassed')
  t.throws(() => checkPatientAccess(patientOf(RESTRICTED), lege, ordinary, 'critical-information'), { code: 'KI-0019' })
  t.throws(() => checkPatientAccess(patientOf(RESTRICTED), lege, ordinary, 'fhir-legacy'), { code: 'KJF-000179' })
})

const record = (type: string, profile: string | undefined, lastUpdated: string, status = 'active'): FhirResource => ({
  resourceType: type,
  id: `${type}-${lastUpdated}`,
  meta: { versionId: '1', lastUpdated, ...(profile !== undefined && { profile: [`${PROFILE_BASE}${profile}`] }) },
  status
})
const isActive = (r: FhirResource): boolean => r.status === 'active'

t.test('the status of a patient with nothing registered', async (t) => {
  t.same(statusResponse(patientOf(PLAIN), [], isActive), {
    patientNIN: PLAIN,
    hasCriticalInformation: false,
    hasActiveCriticalInformation: false,
    lastChangedDateTime: null,
    dateChanged: {
      allergyIntoleranceDate: null,
      conditionComplicationsOfAnesthesiaDate: null,
      conditionCriticalMedicalConditionDate: null,
      conditionInfectionDate: null,
      conditionTransplantsAndOtherForeignBodiesDate: null,
      procedureDate: null,
      flagDate: null,
      deviceUseStatementDate: null,
      consentDate: null
    },
    privacySetting: { hasReservationKjernejournal: false, isRestricted: false, isBlocked: false }
  })
})

t.test('the status summarises the records: active, latest change, per profile', async (t) => {
  const records = [
    record('AllergyIntolerance', 'KjAllergyIntolerance', '2025-01-09T10:00:00Z'),
    record('AllergyIntolerance', undefined, '2025-01-10T10:00:00Z', 'entered-in-error'),
    record('Condition', 'KjConditionInfection', '2025-02-01T12:00:00+01:00'),
    record('Condition', 'KjConditionComplicationsOfAnesthesia|1.0.0', '2025-01-05T00:00:00Z', 'refuted'),
    record('Condition', undefined, '2025-03-01T00:00:00Z'),
    record('Flag', 'KjFlag', '2025-01-31T23:30:00Z'),
    record('Consent', 'KjConsent', '2025-01-20T08:00:00Z')
  ]
  const status = statusResponse(patientOf(PLAIN), records, isActive)
  t.equal(status.hasCriticalInformation, true)
  t.equal(status.hasActiveCriticalInformation, true)
  t.equal(status.lastChangedDateTime, '2025-03-01T00:00:00Z', 'deleted and unprofiled records count as changes too')
  t.same(status.dateChanged, {
    allergyIntoleranceDate: '2025-01-10T10:00:00Z',
    conditionComplicationsOfAnesthesiaDate: '2025-01-05T00:00:00Z',
    conditionCriticalMedicalConditionDate: null,
    conditionInfectionDate: '2025-02-01T12:00:00+01:00',
    conditionTransplantsAndOtherForeignBodiesDate: null,
    procedureDate: null,
    flagDate: '2025-01-31T23:30:00Z',
    deviceUseStatementDate: null,
    consentDate: '2025-01-20T08:00:00Z'
  })
  t.equal(statusResponse(patientOf(PLAIN), records.slice(0, 2), isActive, undefined, () => true).hasActiveCriticalInformation, false,
    'expired records are critical information, but not active')
  t.equal(statusResponse(patientOf(PLAIN), records.slice(0, 2), isActive, undefined, () => true).hasCriticalInformation, true)
  t.equal(statusResponse(patientOf(PLAIN), [records[1]!, records[3]!], isActive).hasCriticalInformation, false, 'deleted and refuted do not count')
})

t.test('the status\'s privacy settings', async (t) => {
  const reserved = patients.find((p) => p.reserved) as Patient
  t.equal(statusResponse(reserved, [], isActive).privacySetting.hasReservationKjernejournal, true)
  t.equal(statusResponse(patientOf(RESTRICTED), [], isActive).privacySetting.isRestricted, true)
  t.equal(statusResponse(patientOf(BLOCKING), [], isActive, userOf(SYKEPLEIER)).privacySetting.isBlocked, true)
  t.equal(statusResponse(patientOf(BLOCKING), [], isActive, userOf(LEGE)).privacySetting.isBlocked, false)
  t.equal(statusResponse(patientOf(BLOCKING), [], isActive).privacySetting.isBlocked, false, 'a system token learns nothing of blocks')
})

t.test('checkMayRegister: only a physician registers, with each face\'s code', async (t) => {
  t.doesNotThrow(() => { checkMayRegister(['LE'], 'critical-information') })
  t.doesNotThrow(() => { checkMayRegister(['SP', 'LE'], 'fhir-legacy') }, 'the ticket face takes any role the user holds')
  t.throws(() => { checkMayRegister(['SP'], 'critical-information') }, { code: 'KI-0017', message: /role SP may read critical information; registering it needs a physician \(LE\)/ })
  t.throws(() => { checkMayRegister(['SP'], 'fhir-legacy') }, { code: 'KJF-000253', message: /registering critical information needs a physician \(LE\)/ })
})
