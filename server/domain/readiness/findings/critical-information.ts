/** Findings at the critical-information API and the ticket-based FHIR face. */
import type { FindingDefinition } from '../catalogue.js'
import { SOURCES } from './sources.js'

export const CRITICAL_INFORMATION_FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'bearer-where-dpop-required',
    severity: 'deprecated',
    title: 'Bearer token sent where DPoP is documented',
    realService: 'The critical-information API\'s newest documentation requires a DPoP-bound token (Authorization: DPoP <token> with a DPoP proof); Bearer is being phased out.',
    source: SOURCES.criticalInfoAuthorization,
    fix: 'Ask HelseID for a DPoP-bound token (send a DPoP proof to the token endpoint) and call the API with Authorization: DPoP <token> and a fresh DPoP proof per request.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' }
  },
  {
    id: 'category-coding-system',
    severity: 'unconfirmed',
    title: 'Category coding under a guessed or missing system',
    realService: 'NHN publishes the category codes (3-11) but not their code system; the profile pages prefer coding.system to be set. The real service may refuse a category coding without a system, or under the sandbox\'s guessed URL.',
    source: SOURCES.criticalInfoKjConsent,
    fix: 'Write the category coding under the system NHN confirms to you (setting CATEGORY_SYSTEM to it here makes such writes no finding); do not rely on a missing system or on the sandbox\'s guess.',
    strict: { refuses: false, why: 'NHN has not published the system, so there is no documented refusal to imitate.' },
    assumption: true
  },
  {
    id: 'consent-coding-systems',
    severity: 'unconfirmed',
    title: 'Consent policyRule or scope coding under an unconfirmed system',
    realService: 'The KjConsent pages fix the codes (policyRule 1 and scope adr; 2 and treatment for KjConsentBehandlingsavklaring) and show the example codings only in part: no system is published for policyRule, and scope\'s is presumably HL7\'s consentscope. The real service may check the systems.',
    source: SOURCES.criticalInfoKjConsent,
    fix: 'Write scope under http://terminology.hl7.org/CodeSystem/consentscope and policyRule under the system NHN confirms to you; try a Consent against NHN\'s test environment.',
    strict: { refuses: false, why: 'NHN documents only the codes; no refusal of a system is documented.' },
    assumption: true
  },
  {
    id: 'behandlingsavklaring-when-enabled',
    severity: 'will-fail',
    title: 'KjConsentBehandlingsavklaring (category 11) written',
    realService: 'NHN documents KjConsentBehandlingsavklaring as not yet released to test or production: the real service does not take a category 11 Consent today. The sandbox serves it only because KJCONSENT_BEHANDLINGSAVKLARING is on.',
    source: SOURCES.criticalInfoBehandlingsavklaring,
    fix: 'Keep HLR-minus (category 11) behind a switch in the EHR until NHN releases the profile; register KjConsent (category 8) until then.',
    strict: { refuses: true, answer: 'KI-0014 (400) invalid code 11, as with the setting off (KJF-000233 on the ticket face)' },
    assumption: true
  },
  {
    id: 'category-search-parameter',
    severity: 'unconfirmed',
    title: 'Search by category',
    realService: 'NHN documents criticalInfoType as the search parameter; a category parameter is not documented, and the real service may ignore it (answering every record of the type) or refuse it.',
    source: SOURCES.criticalInfoSearch,
    fix: 'Search by criticalInfoType, or read every record of the type (GET /Consent for consents) and filter by category in the EHR.',
    strict: { refuses: false, why: 'What the real service does with the parameter is not documented.' },
    assumption: true
  },
  {
    id: 'status-body-unchecked',
    severity: 'unconfirmed',
    title: '/status called without nin in the body',
    realService: 'The status page lists nin as the input and its example sends it in the body as well as in nhn-patient-nin; what the real service does with no body, a body that is not JSON or one without nin is not documented.',
    source: SOURCES.criticalInfoStatus,
    fix: 'Send {"nin": "<the patient>"} as the body, the same number as the nhn-patient-nin header.',
    strict: { refuses: false, why: 'No refusal of a missing nin is documented; the header names the patient.' },
    assumption: true
  },
  {
    id: 'status-inferred-fields',
    severity: 'unconfirmed',
    title: '/status answer with inferred field names',
    realService: 'The status page names patientNIN, hasCriticalInformation, hasActiveCriticalInformation, lastChangedDateTime and two dateChanged keys; the other dateChanged keys and the privacySetting fields are the sandbox\'s inference (the privacy names are the PJD status endpoint\'s).',
    source: SOURCES.criticalInfoStatus,
    fix: 'Read the documented fields; treat the inferred ones as optional, so that a missing or differently named field does not break the EHR.',
    strict: { refuses: false, why: 'The real service answers /status; only the names of some fields are unknown.' },
    assumption: true
  }
]
