/**
 * Who may see what in critical information: the user behind a token (HPR authorisation,
 * registration, knowledge confirmation, age, granted roles), the role the EHR says they act in,
 * and the patient's own choices (blokkering, sperring). Checks throw the face's catalogue code.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/authorizationmd
 */
import type { Face } from '../faces.js'
import { KjError } from '../kj-error.js'
import { ageAt, parseNin } from '../nin.js'
import type { Patient } from '../world/patients.js'
import { adHocUser, type User } from '../world/users.js'
import { PROFILE_BASE, type FhirResource, type ProfileName } from './types.js'

/**
 * HPR roles (Volven 9060) Kjernejournal grants access to. NHN does not publish the list; this
 * is the sandbox's plausible reading of who uses Kjernejournal clinically: physicians, nurses,
 * midwives, dentists, pharmacists, ambulance workers, paramedics and psychologists. Not, for
 * example, physiotherapists (FT), which the fixtures use to show the refusal.
 */
export const KJ_GRANTED_ROLES: ReadonlySet<string> = new Set(['LE', 'SP', 'JO', 'TL', 'FA1', 'FA2', 'AA', 'PM', 'PS'])

export type AccessFace = Extract<Face, 'critical-information' | 'fhir-legacy'>

/** The one HPR role that may register critical information: physicians (LE). */
export const REGISTERING_ROLE = 'LE'

/** The module name patients restrict critical information under (patients.restrictedModules). */
export const CRITICAL_INFO_MODULE = 'KRITISK_INFO'

/**
 * The user behind a user token, or the reason they are refused. Age is judged first: it follows
 * from the identity number alone, and a minor can hold no HPR authorisation to check.
 */
export function checkUser (token: { pid?: string, hprNumber?: string }, users: readonly User[], now: Date): User {
  const pid = token.pid
  if (pid === undefined) throw new KjError('KJF-000218', 'this request needs a user token (with a pid); a system token was sent')
  const birthDate = parseNin(pid)?.birthDate
  if (birthDate !== undefined && ageAt(birthDate, now) < 16) throw new KjError('KJF-000134', `the user ${pid} is ${ageAt(birthDate, now)}`)
  const known = users.find((u) => u.pid === pid)
  if (known === undefined && token.hprNumber === undefined) {
    throw new KjError('KJF-000132', `the user ${pid} is not known to the HPR registry stand-in and the token has no HPR number`)
  }
  const user = known ?? adHocUser(pid, token.hprNumber as string)
  if (!user.registeredInKj) throw new KjError('KJF-000223', `the user ${pid} is not registered in Kjernejournal`)
  if (user.hprNumber === undefined) throw new KjError('KJF-000132', `the user ${pid} has no HPR number`)
  if (!user.kjKnowledgeConfirmed) throw new KjError('KJF-000308', `the user ${pid} has not confirmed Kjernejournal knowledge`)
  if (!user.roles.some((r) => KJ_GRANTED_ROLES.has(r))) {
    throw new KjError('KJF-000163', `the user's HPR roles (${user.roles.join(', ') || 'none'}) are not granted access to Kjernejournal`)
  }
  return user
}

/**
 * The critical-information API needs the point of care on every call ("Required for all": the
 * EHR "must provide the org. nr. of the actual work place"). HelseID puts orgnr_child in the
 * token only when the EHR sends its organisation structure. The code is the sandbox's judgement:
 * KJF-000208, "HelseId token is missing required claim" (docs/assumptions.md).
 */
export function checkPointOfCare (token: { orgnrChild?: string | undefined }): void {
  if (token.orgnrChild === undefined) {
    throw new KjError('KJF-000208', 'the token has no helseid://claims/client/claims/orgnr_child: send your point of care to HelseID in the client assertion\'s authorization_details (helseid_authorization), see docs/helseid.md')
  }
}

/** The role in nhn-user-role must be one the user holds and one Kjernejournal grants. */
export function checkRole (user: User, role: { code: string }): void {
  if (!user.roles.includes(role.code)) {
    throw new KjError('KI-0017', `the user does not hold the HPR role '${role.code}' (holds ${user.roles.join(', ') || 'none'})`)
  }
  if (!KJ_GRANTED_ROLES.has(role.code)) throw new KjError('KI-0017', `the HPR role '${role.code}' is not granted access to critical information`)
}

/**
 * Only a physician registers critical information. On the critical-information API that is the
 * role the request acts in (nhn-user-role, KI-0017); the ticket face names no role, so any role
 * the user holds counts (KJF-000253, the legacy code of KI-0017).
 */
export function checkMayRegister (roles: readonly string[], face: AccessFace): void {
  if (roles.includes(REGISTERING_ROLE)) return
  if (face === 'critical-information') throw new KjError('KI-0017', `role ${roles.join(', ')} may read critical information; registering it needs a physician (${REGISTERING_ROLE})`)
  throw new KjError('KJF-000253', `registering critical information needs a physician (${REGISTERING_ROLE})`)
}

function isBlocked (patient: Patient, user: User | undefined): boolean {
  return user?.hprNumber !== undefined && patient.blockedHpr.includes(user.hprNumber)
}

function isRestricted (patient: Patient): boolean {
  return patient.restrictedModules.includes(CRITICAL_INFO_MODULE)
}

/**
 * The patient's choices, in order: a block can never be bypassed; a restriction opens only with
 * an elevated basis (FORHOYET_* / KJ-SAMTYKKE-SPERRET-KRITISKINFO); and an elevated basis is
 * refused where nothing is restricted ("MUST NOT be used if the patient hasn't restricted access").
 */
export function checkPatientAccess (patient: Patient, user: User | undefined, basis: { elevated: boolean }, face: AccessFace): void {
  if (isBlocked(patient, user)) {
    throw new KjError(face === 'critical-information' ? 'KI-0018' : 'KJF-000352', `the patient has blocked HPR number ${user?.hprNumber ?? ''}`)
  }
  const restricted = isRestricted(patient)
  if (restricted && !basis.elevated) {
    const how = face === 'critical-information' ? 'nhn-access-basis FORHOYET_SAMTYKKE or FORHOYET_AKUTT' : 'KJ-SAMTYKKE-SPERRET-KRITISKINFO'
    throw new KjError(face === 'critical-information' ? 'KI-0019' : 'KJF-000179', `the patient has restricted critical information; open it with ${how}`)
  }
  if (!restricted && basis.elevated) {
    throw new KjError('KJF-000356', 'the patient has not restricted critical information; use an ordinary access basis')
  }
}

/**
 * `dateChanged` keys by profile. The first two are NHN's; the rest follow their pattern
 * (inferred). The unreleased KjConsentBehandlingsavklaring has none: its changes show in
 * lastChangedDateTime only, so no EHR learns to read a key NHN may never send.
 */
const DATE_KEY_BY_PROFILE: Readonly<Partial<Record<ProfileName, string>>> = {
  KjAllergyIntolerance: 'allergyIntoleranceDate',
  KjConditionComplicationsOfAnesthesia: 'conditionComplicationsOfAnesthesiaDate',
  KjConditionCriticalMedicalCondition: 'conditionCriticalMedicalConditionDate',
  KjConditionInfection: 'conditionInfectionDate',
  KjConditionTransplantsAndOtherForeignBodies: 'conditionTransplantsAndOtherForeignBodiesDate',
  KjProcedure: 'procedureDate',
  KjFlag: 'flagDate',
  KjDeviceUseStatement: 'deviceUseStatementDate',
  KjConsent: 'consentDate'
}

/** Resource types with a single profile, for records that do not name theirs. */
const PROFILE_BY_TYPE: Readonly<Record<string, ProfileName>> = {
  AllergyIntolerance: 'KjAllergyIntolerance',
  Procedure: 'KjProcedure',
  Flag: 'KjFlag',
  DeviceUseStatement: 'KjDeviceUseStatement'
}

function profileOf (resource: FhirResource): ProfileName | undefined {
  for (const url of resource.meta?.profile ?? []) {
    const name = url.split('|')[0]?.replace(PROFILE_BASE, '')
    if (name !== undefined && name in DATE_KEY_BY_PROFILE) return name as ProfileName
  }
  return PROFILE_BY_TYPE[resource.resourceType]
}

export interface StatusResponse {
  patientNIN: string
  hasCriticalInformation: boolean
  hasActiveCriticalInformation: boolean
  lastChangedDateTime: string | null
  dateChanged: Record<string, string | null>
  privacySetting: { hasReservationKjernejournal: boolean, isRestricted: boolean, isBlocked: boolean }
}

/** The latest of ISO instants, compared as instants (offsets may differ); null for none. */
function latest (instants: ReadonlyArray<string | undefined>): string | null {
  let best: { at: number, text: string } | null = null
  for (const text of instants) {
    const at = Date.parse(text ?? '')
    if (!Number.isNaN(at) && (best === null || at > best.at)) best = { at, text: text as string }
  }
  return best?.text ?? null
}

/**
 * The status endpoint's body. NHN documents `patientNIN`, `hasCriticalInformation`,
 * `hasActiveCriticalInformation`, `lastChangedDateTime` and the first `dateChanged` keys; the
 * remaining keys and `privacySetting`'s fields are inferred (from the pattern, and from the PJD
 * status endpoint's privacy settings).
 * @param records the latest version of each of the patient's records, deleted ones included.
 * @param isActive not deleted and not refuted (it may be expired).
 * @param isExpired past its "valid until"; such records count for `hasCriticalInformation` only.
 */
export function statusResponse (
  patient: Patient,
  records: readonly FhirResource[],
  isActive: (resource: FhirResource) => boolean,
  user?: User,
  isExpired: (resource: FhirResource) => boolean = () => false
): StatusResponse {
  const active = records.filter(isActive)
  const dateChanged: Record<string, string | null> = {}
  for (const [profile, key] of Object.entries(DATE_KEY_BY_PROFILE)) {
    dateChanged[key] = latest(records.filter((r) => profileOf(r) === profile).map((r) => r.meta?.lastUpdated))
  }
  return {
    patientNIN: patient.nin,
    hasCriticalInformation: active.length > 0,
    hasActiveCriticalInformation: active.some((r) => !isExpired(r)),
    lastChangedDateTime: latest(records.map((r) => r.meta?.lastUpdated)),
    dateChanged,
    privacySetting: {
      hasReservationKjernejournal: patient.reserved,
      isRestricted: isRestricted(patient),
      // Only a user can be blocked; a system token learns nothing of blocks.
      isBlocked: isBlocked(patient, user)
    }
  }
}

/** The status answer's documented keys; the rest are inferred (docs/critical-information.md). */
const DOCUMENTED_STATUS_FIELDS = new Set(['patientNIN', 'hasCriticalInformation', 'hasActiveCriticalInformation', 'lastChangedDateTime', 'dateChanged.allergyIntoleranceDate', 'dateChanged.conditionComplicationsOfAnesthesiaDate'])

/** The answer's fields whose names are inferred (readiness finding `status-inferred-fields`). */
export function inferredStatusFields (answer: StatusResponse): string[] {
  const fields = [
    ...Object.keys(answer).filter((k) => k !== 'dateChanged' && k !== 'privacySetting'),
    ...Object.keys(answer.dateChanged).map((k) => `dateChanged.${k}`),
    ...Object.keys(answer.privacySetting).map((k) => `privacySetting.${k}`)
  ]
  return fields.filter((f) => !DOCUMENTED_STATUS_FIELDS.has(f))
}
