/**
 * Valid, realistic records of each Kj profile: for tests, the scenario pack and the fixtures'
 * seeded critical information. The recorder is the fixtures' GP (Ingrid Lege, HPR 900100101) at
 * Sandvik legesenter (310001295), written as the contained PractitionerRole `recorderRef` that
 * the published examples use (reference §2.4). Codings whose system the API documents are used as
 * documented (ATC, the HL7 status systems); ICD-10 for conditions and infections is [inferred].
 */
import { profileByName, PROFILES } from './profiles/index.js'
import { ALLERGY_CLINICAL_SYSTEM, ALLERGY_VERIFICATION_SYSTEM } from './profiles/allergy-intolerance.js'
import { categoryConcept, CATEGORY_DISPLAY, GUESSED_CATEGORY_SYSTEM, type CategoryCode } from './profiles/categories.js'
import { statusConcept } from './profiles/clinical-status.js'
import { CONDITION_CLINICAL_SYSTEM, CONDITION_VERIFICATION_SYSTEM } from './profiles/conditions.js'
import { CONSENT_SCOPE_SYSTEM, KJ_TEXT_URL, VALID_UNTIL_URL } from './profiles/consent.js'
import { DEVICE_PROFILE } from './profiles/device-use-statement.js'
import { NIN_SYSTEM, type CriticalInfoType, type FhirResource, type ProfileName } from './types.js'

export interface SampleOptions {
  /** When the record was first registered (recordedDate and the like); defaults to the API docs' example time. */
  readonly recordedDate?: string
  /**
   * The free-text specification, `code.text` ("Spesifisering"); a note instead for
   * KjConditionInfection, which takes no specification text, KjDeviceUseStatement, which has no
   * code, and KjConsent (its KjText note); the HLR-minus reason of KjConsentBehandlingsavklaring.
   */
  readonly text?: string
  /** The sub-type where a profile has two (DrugReaction/OtherAllergen, IntubationProblem/OtherProblemWithAnesthesia). */
  readonly criticalInfoType?: CriticalInfoType
}

/** The `lastUpdated` of the API documentation's example record (reference §2.4). */
export const DEFAULT_RECORDED_DATE = '2025-01-09T10:00:10.982+00:00'

export const ATC_SYSTEM = 'http://nhn.no/kj/fhir/CodeSystem/ATC'
/** ICD-10 in Volven (7110) [inferred as the code system of conditions and infections]. */
export const ICD10_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.1.7110'
const SOURCE_OF_INFORMATION = 'http://nhn.no/kj/fhir/StructureDefinition/KjSourceOfInformation'
const SOURCE_OF_INFORMATION_SYSTEM = 'http://nhn.no/kj/fhir/CodeSystem/SourceOfInformation'
const RECORDER_REF = '#recorderRef'
/** The HLR-minus reason extension: NHN names it, not its URL [inferred]. */
const HLR_MINUS_REASON_URL = 'http://nhn.no/kj/fhir/StructureDefinition/behandlingsavklaring-hlr-minus-reason'

type Json = Record<string, unknown>

function recorderRole (): Json {
  return {
    resourceType: 'PractitionerRole',
    id: 'recorderRef',
    practitioner: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '900100101' }, display: 'Ingrid Lege' },
    organization: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: '310001295' }, display: 'Sandvik legesenter, legekontoret' },
    code: [{ coding: [{ system: 'http://nhn.no/kj/fhir/CodeSystem/CategoriesOfHealthProfessionals', code: 'LE', display: 'Lege' }] }]
  }
}

function patientReference (nin: string): Json {
  return { identifier: { system: NIN_SYSTEM, value: nin } }
}

/** A code that repeats the category, the specification in its text (the "code same as category" convention). */
function categoryCode (code: CategoryCode, text: string): Json {
  return { coding: [{ system: GUESSED_CATEGORY_SYSTEM, code, display: CATEGORY_DISPLAY[code] }], text }
}

function conditionStatus (): Json {
  return {
    clinicalStatus: statusConcept(CONDITION_CLINICAL_SYSTEM, 'active'),
    verificationStatus: statusConcept(CONDITION_VERIFICATION_SYSTEM, 'confirmed')
  }
}

function yearsLater (dateTime: string, years: number): string {
  const time = new Date(dateTime)
  if (Number.isNaN(time.getTime())) throw new RangeError(`not a dateTime: ${dateTime}`)
  time.setUTCFullYear(time.getUTCFullYear() + years)
  return time.toISOString()
}

interface Draft {
  readonly nin: string
  readonly recordedDate: string
  readonly text: string | undefined
  readonly type: CriticalInfoType | undefined
}

function allergyIntolerance ({ nin, recordedDate, text, type }: Draft): Json {
  const drug = type !== 'OtherAllergen'
  return {
    extension: [{ url: SOURCE_OF_INFORMATION, valueCoding: { system: SOURCE_OF_INFORMATION_SYSTEM, code: '1', display: 'Resultat av tester / analyser' } }],
    clinicalStatus: statusConcept(ALLERGY_CLINICAL_SYSTEM, 'active'),
    verificationStatus: statusConcept(ALLERGY_VERIFICATION_SYSTEM, drug ? 'confirmed' : 'unconfirmed'),
    type: 'allergy',
    category: [drug ? 'medication' : 'environment'],
    criticality: drug ? 'high' : 'low',
    code: drug
      ? { coding: [{ system: ATC_SYSTEM, code: 'J01CE02', display: 'Fenoksymetylpenicillin', userSelected: true }], ...(text !== undefined ? { text } : {}) }
      : { text: text ?? 'Lateks (naturgummi)' },
    patient: patientReference(nin),
    recordedDate,
    recorder: { reference: RECORDER_REF },
    asserter: { reference: RECORDER_REF },
    reaction: [{ manifestation: [{ text: drug ? 'Anafylaktisk reaksjon' : 'Kontakturtikaria' }], severity: drug ? 'severe' : 'mild' }]
  }
}

function condition (category: CategoryCode, code: Json, draft: Draft, note?: string): Json {
  return {
    ...conditionStatus(),
    category: [categoryConcept(category)],
    code,
    subject: patientReference(draft.nin),
    recordedDate: draft.recordedDate,
    recorder: { reference: RECORDER_REF },
    asserter: { reference: RECORDER_REF },
    ...(note !== undefined ? { note: [{ text: note }] } : {})
  }
}

/**
 * A Consent of category 8 or 11. The policyRule code's system is not published either, so the
 * sample writes the code alone, which the sandbox accepts [inferred].
 */
function consent (category: '8' | '11', draft: Draft, extension: Json[]): Json {
  const [scope, display, policyRule] = category === '8'
    ? ['adr', 'Advanced Care Directive', '1']
    : ['treatment', 'Treatment', '2']
  return {
    extension,
    status: 'active',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: scope, display }] },
    category: [categoryConcept(category)],
    patient: patientReference(draft.nin),
    dateTime: draft.recordedDate,
    performer: [{ reference: RECORDER_REF }],
    policyRule: { coding: [{ code: policyRule }] }
  }
}

function icd10 (code: string, display: string, text?: string): Json {
  return { coding: [{ system: ICD10_SYSTEM, code, display }], ...(text !== undefined ? { text } : {}) }
}

const BUILDERS: Readonly<Record<ProfileName, (draft: Draft) => Json>> = {
  KjAllergyIntolerance: allergyIntolerance,
  KjConditionComplicationsOfAnesthesia: (draft) => draft.type === 'OtherProblemWithAnesthesia'
    ? condition('4', categoryCode('4', draft.text ?? 'Malign hypertermi'), draft)
    : condition('3', categoryCode('3', draft.text ?? 'Vanskelig intubasjon'), draft),
  KjConditionCriticalMedicalCondition: (draft) =>
    condition('5', icd10('D66', 'Arvelig faktor VIII-mangel', draft.text ?? 'Hemofili A'), draft),
  KjProcedure: (draft) => ({
    status: 'in-progress',
    category: categoryConcept('6'),
    code: categoryCode('6', draft.text ?? 'Hemodialyse tre ganger i uken'),
    subject: patientReference(draft.nin),
    performedPeriod: { start: draft.recordedDate },
    recorder: { reference: RECORDER_REF },
    asserter: { reference: RECORDER_REF }
  }),
  KjConditionTransplantsAndOtherForeignBodies: (draft) =>
    condition('7', icd10('Z94.0', 'Tilstand etter nyretransplantasjon', draft.text ?? 'Transplantert nyre'), draft),
  KjDeviceUseStatement: (draft) => ({
    status: 'active',
    subject: patientReference(draft.nin),
    recordedOn: draft.recordedDate,
    source: { reference: RECORDER_REF },
    device: { reference: '#device' },
    ...(draft.text !== undefined ? { note: [{ text: draft.text }] } : {})
  }),
  KjFlag: (draft) => ({
    status: 'active',
    category: [categoryConcept('9')],
    code: categoryCode('9', draft.text ?? 'Ikke stikk eller mål blodtrykk på venstre arm (AV-fistel)'),
    subject: patientReference(draft.nin),
    period: { start: draft.recordedDate, end: yearsLater(draft.recordedDate, 2) },
    author: { reference: RECORDER_REF }
  }),
  KjConditionInfection: (draft) =>
    condition('10', icd10('U82.1', 'Meticillinresistente gule stafylokokker (MRSA)'), draft, draft.text ?? 'Bærer av MRSA. Isoleres ved innleggelse.'),
  KjConsent: (draft) => consent('8', draft, [
    { url: VALID_UNTIL_URL, valueDateTime: yearsLater(draft.recordedDate, 1) },
    { url: KJ_TEXT_URL, valueString: draft.text ?? 'Ønsker ikke gjenoppliving eller respiratorbehandling ved hjertestans.' }
  ]),
  KjConsentBehandlingsavklaring: (draft) => consent('11', draft, [
    { url: HLR_MINUS_REASON_URL, valueString: draft.text ?? 'Alvorlig hjertesvikt, HLR vil ikke gi nytte.' }
  ])
}

/** The pacemaker a KjDeviceUseStatement sample is about, as a contained KjDevice. */
function pacemaker (): Json {
  return { resourceType: 'Device', id: 'device', meta: { profile: [DEVICE_PROFILE] }, type: { text: 'Pacemaker' } }
}

/** A valid record of `name` about the patient, without id and version (the API assigns them). */
export function sampleResource (name: ProfileName, nin: string, options: SampleOptions = {}): FhirResource {
  const profile = profileByName(name)
  const type = options.criticalInfoType
  if (type !== undefined && !profile.criticalInfoTypes.includes(type)) {
    throw new RangeError(`${name} has no records of criticalInfoType ${type}`)
  }
  const draft: Draft = { nin, recordedDate: options.recordedDate ?? DEFAULT_RECORDED_DATE, text: options.text, type }
  return {
    resourceType: profile.resourceType,
    meta: { profile: [profile.url] },
    contained: name === 'KjDeviceUseStatement' ? [recorderRole(), pacemaker()] : [recorderRole()],
    ...BUILDERS[name](draft)
  }
}

/**
 * The records behind a patient's fixture `criticalInfo`: one per entry, of the profile whose
 * kategori it names, registered and last changed at `sistEndret` so helseindikator answers what
 * the fixtures say. A kategori no profile has is skipped. Repeated kategorier take the profile's
 * sub-types in turn (a drug reaction, then an other allergen).
 */
export function seedRecordsFor (nin: string, kategorier: ReadonlyArray<{ kategori: string, sistEndret: string }>): FhirResource[] {
  const seen = new Map<string, number>()
  const records: FhirResource[] = []
  for (const { kategori, sistEndret } of kategorier) {
    const profile = PROFILES.find((p) => p.kategori === kategori)
    if (profile === undefined) continue
    const n = seen.get(kategori) ?? 0
    seen.set(kategori, n + 1)
    const types = profile.criticalInfoTypes
    const criticalInfoType = types.length > 1 ? types[n % types.length] : undefined
    const resource = sampleResource(profile.name, nin, { recordedDate: sistEndret, ...(criticalInfoType !== undefined ? { criticalInfoType } : {}) })
    resource.meta = { ...resource.meta, lastUpdated: sistEndret }
    records.push(resource)
  }
  return records
}
