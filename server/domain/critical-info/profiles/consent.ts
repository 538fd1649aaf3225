/**
 * The Consent profiles (KjConsent pages on utviklerportal, 2026): KjConsent, "Avgrensning av
 * livsforlengende behandling" (category 8, policyRule 1, scope adr, a required validUntil), and
 * its announced successor KjConsentBehandlingsavklaring, HLR-minus (category 11, policyRule 2,
 * scope treatment), not yet released at NHN and served only when a setting says so (see
 * consent-rules.ts). `status` inactive is refuted. A consent stays active after its validUntil:
 * "should be displayed as active even if its valid-until date has passed".
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/fhir-resources/kjconsentmd
 */
import type { LeniencyNote } from '../leniency-notes.js'
import type { FhirResource, ProfileDefinition, ProfileName, ValidationIssue } from '../types.js'
import type { CategoryCode } from './categories.js'
import { categoryIdentity, hasKjCategory, validateKjCategory } from './category-coded.js'
import { MISSING, NOTE_MAX_LENGTH, invalidCode, issue } from './checks.js'
import { defineProfile } from './define.js'
import { codingsOf, isObject, stringAt } from './shared.js'
import { statusCodeModel } from './status-code.js'

export const VALID_UNTIL_URL = 'http://nhn.no/kj/fhir/StructureDefinition/KjValidUntil'
/** The note ("Kommentar") is the KjText extension in NHN's example, not R4's absent Consent.note. */
export const KJ_TEXT_URL = 'http://nhn.no/kj/fhir/StructureDefinition/KjText'
/** The longest HLR-minus reason (KjConsentBehandlingsavklaring: "Max 80 characters"). */
export const HLR_MINUS_REASON_MAX_LENGTH = 80
/** The reason extension's name; its full URL is not published, so any URL ending in it counts [inferred]. */
const HLR_MINUS_REASON = 'behandlingsavklaring-hlr-minus-reason'

function extensionsOf (resource: FhirResource): unknown[] {
  return Array.isArray(resource.extension) ? resource.extension : []
}

function extensionWith (resource: FhirResource, matches: (url: string) => boolean): Record<string, unknown> | undefined {
  return extensionsOf(resource).find((e): e is Record<string, unknown> => isObject(e) && matches(stringAt(e, 'url') ?? ''))
}

function validateExtensionList (resource: FhirResource): ValidationIssue[] {
  const list = resource.extension
  if (list === undefined) return []
  if (!Array.isArray(list) || !list.every((e) => isObject(e) && typeof e.url === 'string')) {
    return [issue('Consent.extension', 'Invalid element content - expected an array of extensions, each with a url')]
  }
  return []
}

function isDateTime (value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))
}

function validateValidUntil (resource: FhirResource): ValidationIssue[] {
  const location = 'Consent.extension:validUntil'
  const validUntil = extensionWith(resource, (url) => url === VALID_UNTIL_URL)
  if (validUntil === undefined) return [issue(location, `${MISSING} - validUntil (${VALID_UNTIL_URL})`)]
  return isDateTime(validUntil.valueDateTime) ? [] : [issue(`${location}.valueDateTime`, 'Invalid element content - expected a dateTime')]
}

function validateLimitedText (resource: FhirResource, location: string, matches: (url: string) => boolean, max: number): ValidationIssue[] {
  const extension = extensionWith(resource, matches)
  if (extension === undefined) return []
  const text = extension.valueString
  if (typeof text !== 'string') return [issue(`${location}.valueString`, MISSING)]
  return text.length > max ? [issue(location, `Invalid element content - max: ${max}`)] : []
}

/** A CodeableConcept whose codes must be the one fixed code, under any system ("must always be '1'"). */
function validateFixedCode (resource: FhirResource, element: 'policyRule' | 'scope', code: string): ValidationIssue[] {
  const location = `Consent.${element}`
  const concept = resource[element]
  if (concept === undefined) return [issue(location, MISSING)]
  if (!isObject(concept)) return [issue(location, 'Invalid element content - expected a CodeableConcept')]
  const codes = codingsOf(concept).map((c) => c.code)
  if (codes.length === 0) return [issue(`${location}.coding`, `${MISSING} - the code must be '${code}'`)]
  // findIndex, not find: a coding without a code is wrong too.
  const wrong = codes.findIndex((c) => c !== code)
  return wrong === -1 ? [] : [issue(`${location}.coding`, invalidCode(codes[wrong] ?? null, [code]))]
}

function validateDateTime (resource: FhirResource): ValidationIssue[] {
  return resource.dateTime === undefined || isDateTime(resource.dateTime) ? [] : [issue('Consent.dateTime', 'Invalid element content - expected a dateTime')]
}

function validatePerformer (resource: FhirResource): ValidationIssue[] {
  const performer = resource.performer
  if (performer === undefined) return []
  return Array.isArray(performer) && performer.every(isObject) ? [] : [issue('Consent.performer', 'Invalid element content - expected an array of References')]
}

interface ConsentSpec {
  readonly name: ProfileName
  readonly kategori: string
  readonly category: CategoryCode
  readonly policyRule: string
  readonly scope: string
  readonly validateContent: (resource: FhirResource) => ValidationIssue[]
}

function consentProfile (spec: ConsentSpec): ProfileDefinition {
  return defineProfile({
    name: spec.name,
    resourceType: 'Consent',
    kategori: spec.kategori,
    // None of the seven documented criticalInfoType values names a consent.
    criticalInfoTypes: [],
    patientElement: 'patient',
    status: statusCodeModel({ active: 'active', refuted: 'inactive' }),
    matchesContent: (resource) => hasKjCategory(resource, [spec.category]),
    criticalInfoTypeOf: () => undefined,
    validateContent: (resource) => [
      ...validateKjCategory(resource, [spec.category], false),
      ...validateFixedCode(resource, 'policyRule', spec.policyRule),
      ...validateFixedCode(resource, 'scope', spec.scope),
      ...validateExtensionList(resource),
      ...validateDateTime(resource),
      ...validatePerformer(resource),
      ...spec.validateContent(resource)
    ],
    // Category, policyRule and scope "cannot be changed on update" (KjConsentBehandlingsavklaring).
    identityOf: (resource) => ({
      category: categoryIdentity(resource),
      policyRule: codingsOf(resource.policyRule).map((c) => c.code),
      scope: codingsOf(resource.scope).map((c) => c.code)
    })
  })
}

export const kjConsent = consentProfile({
  name: 'KjConsent',
  kategori: 'LIVSFORLENGENDE_BEHANDLING', // [inferred]
  category: '8',
  policyRule: '1',
  scope: 'adr',
  validateContent: (resource) => [
    ...validateValidUntil(resource),
    ...validateLimitedText(resource, 'Consent.extension:note', (url) => url === KJ_TEXT_URL, NOTE_MAX_LENGTH)
  ]
})

export const kjConsentBehandlingsavklaring = consentProfile({
  name: 'KjConsentBehandlingsavklaring',
  kategori: 'BEHANDLINGSAVKLARING', // [inferred]
  category: '11',
  policyRule: '2',
  scope: 'treatment',
  validateContent: (resource) =>
    validateLimitedText(resource, 'Consent.extension:hlrMinusReason', (url) => url.endsWith(HLR_MINUS_REASON), HLR_MINUS_REASON_MAX_LENGTH)
})

/** A consent's validUntil, if it has one; the consent stays active past it. */
export function validUntilOf (resource: FhirResource): string | undefined {
  const value = extensionWith(resource, (url) => url === VALID_UNTIL_URL)?.valueDateTime
  return typeof value === 'string' ? value : undefined
}

/** FHIR R4's consent scopes (Consent.scope's binding), where `adr` and `treatment` are defined; NHN's example names the codes, not the system [inferred]. */
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope'

/**
 * A note for a Consent's policyRule and scope codings: only their codes are checked. NHN
 * publishes no system for policyRule's `1`/`2`, so any policyRule coding relies on it; a scope
 * coding under anything but HL7's consentscope does too.
 */
export function consentCodingNote (resource: FhirResource): LeniencyNote | undefined {
  if (resource.resourceType !== 'Consent') return undefined
  const describe = (element: 'policyRule' | 'scope'): string[] => codingsOf(resource[element])
    .filter((c) => element === 'policyRule' || c.system !== CONSENT_SCOPE_SYSTEM)
    .map((c) => `${element} ${String(c.code)} under ${c.system ?? 'no system'}`)
  const unconfirmed = [...describe('policyRule'), ...describe('scope')]
  if (unconfirmed.length === 0) return undefined
  return { leniency: 'consent-coding-systems', did: `Consent ${unconfirmed.join(', ')}` }
}
