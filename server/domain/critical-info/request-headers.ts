/**
 * The headers of the critical-information API, each under its current `nhn-*` name or the older
 * `hit-*` one (NHN's docs show both), and the legacy FHIR face's consent headers.
 * Header names arrive lowercased, as Node gives them.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/authorizationmd
 */
import { KjError } from '../kj-error.js'
import { isValidNin } from '../nin.js'

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>

/** Current name -> older name. */
const OLD_NAME = {
  'nhn-patient-nin': 'hit-patient-pid',
  'nhn-access-basis': 'hit-access-basis',
  'nhn-user-role': 'hit-user-role',
  'nhn-source-system': 'hit-source-system',
  'nhn-event-id': 'hit-event-id'
} as const

type HeaderName = keyof typeof OLD_NAME

interface Found {
  /** The name the client used, for diagnostics. */
  readonly name: string
  readonly value: string
}

function invalid (diagnostics: string): KjError {
  return new KjError('KI-0007', diagnostics)
}

/** The header under either name; undefined when absent or blank. */
function find (headers: RequestHeaders, name: HeaderName): Found | undefined {
  for (const candidate of [name, OLD_NAME[name]]) {
    const raw = headers[candidate]
    if (raw === undefined) continue
    if (Array.isArray(raw) && raw.length > 1) throw invalid(`${candidate} was sent ${raw.length} times; send it once`)
    const value = (Array.isArray(raw) ? raw[0] ?? '' : raw).trim()
    if (value !== '') return { name: candidate, value }
  }
  return undefined
}

function required (headers: RequestHeaders, name: HeaderName): Found {
  const found = find(headers, name)
  if (found === undefined) throw invalid(`${name} is required`)
  return found
}

export function parsePatientNin (headers: RequestHeaders): string {
  const { name, value } = required(headers, 'nhn-patient-nin')
  if (!isValidNin(value)) throw invalid(`${name} '${value}' is not a valid national identity number`)
  return value
}

export const ACCESS_BASES = ['UNNTAK', 'SAMTYKKE', 'FORHOYET_SAMTYKKE', 'AKUTT', 'FORHOYET_AKUTT'] as const

export type AccessBasis = (typeof ACCESS_BASES)[number]

/** The FORHOYET_* bases open a restricted (sperret) module; the others do not. */
export function isElevated (basis: AccessBasis): boolean {
  return basis.startsWith('FORHOYET_')
}

export function parseAccessBasis (headers: RequestHeaders): AccessBasis {
  const { name, value } = required(headers, 'nhn-access-basis')
  const basis = ACCESS_BASES.find((b) => b === value)
  if (basis === undefined) throw invalid(`${name} '${value}' is not one of ${ACCESS_BASES.join(', ')}`)
  return basis
}

/** Volven 9060 (HPR roles) for EHRs; `kjernejournal_userrole` for the Kjernejournal portal only. */
export const USER_ROLE_SYSTEMS = ['urn:oid:2.16.578.1.12.4.1.1.9060', 'kjernejournal_userrole'] as const

export interface UserRole {
  readonly system: (typeof USER_ROLE_SYSTEMS)[number]
  readonly code: string
}

/**
 * URL-encoded JSON. NHN's example encodes spaces as `+` (form encoding), which
 * decodeURIComponent leaves alone, so `+` becomes a space first; unencoded JSON passes too.
 */
export function parseUserRole (headers: RequestHeaders): UserRole {
  const { name, value } = required(headers, 'nhn-user-role')
  const example = 'URL-encoded JSON such as {"system":"urn:oid:2.16.578.1.12.4.1.1.9060","code":"LE"}'
  let json: unknown
  try {
    json = JSON.parse(decodeURIComponent(value.replace(/\+/g, ' ')))
  } catch {
    throw invalid(`${name} is not ${example}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid(`${name} is not ${example}`)
  const { system, code } = json as { system?: unknown, code?: unknown }
  const knownSystem = USER_ROLE_SYSTEMS.find((s) => s === system)
  if (knownSystem === undefined) throw invalid(`${name} system '${String(system)}' is not one of ${USER_ROLE_SYSTEMS.join(', ')}`)
  if (typeof code !== 'string' || code.trim() === '') throw invalid(`${name} has no code; send e.g. "code":"LE"`)
  return { system: knownSystem, code: code.trim() }
}

/** The EHR's name and version, 3-512 characters. */
export function parseSourceSystem (headers: RequestHeaders): string {
  const found = find(headers, 'nhn-source-system')
  if (found === undefined) throw invalid('nhn-source-system is required: name your EHR and its version')
  if (found.value.length < 3 || found.value.length > 512) throw invalid(`${found.name} must be 3-512 characters; it is ${found.value.length}`)
  return found.value
}

/** Optional trace id (e.g. a UUID), at most 128 characters. */
export function parseEventId (headers: RequestHeaders): string | undefined {
  const found = find(headers, 'nhn-event-id')
  if (found !== undefined && found.value.length > 128) throw invalid(`${found.name} must be at most 128 characters; it is ${found.value.length}`)
  return found?.value
}

export const LEGACY_CONSENTS = ['HPMOTTATTSAMTYKKE', 'HPAKUTT', 'HPUNNTAK'] as const

export type LegacyConsent = (typeof LEGACY_CONSENTS)[number]

export interface LegacyConsentHeaders {
  /** KJ-SAMTYKKE-BRUK: overrides the consent in the ticket. */
  readonly bruk?: LegacyConsent
  /** KJ-SAMTYKKE-SPERRET-KRITISKINFO: opens restricted (sperret) critical information. */
  readonly sperret?: LegacyConsent
}

function legacyConsent (headers: RequestHeaders, name: string): LegacyConsent | undefined {
  const raw = headers[name.toLowerCase()]
  const value = (Array.isArray(raw) ? raw.join(',') : raw ?? '').trim()
  if (value === '') return undefined
  const consent = LEGACY_CONSENTS.find((c) => c === value)
  // One revision of NHN's docs allows only HPMOTTATTSAMTYKKE and HPAKUTT for the restricted
  // module; another all three. The sandbox accepts all three on both headers.
  if (consent === undefined) throw new KjError('KJF-000323', `${name} '${value}' must be one of ${LEGACY_CONSENTS.join(', ')}`)
  return consent
}

export function parseLegacyConsent (headers: RequestHeaders): LegacyConsentHeaders {
  const bruk = legacyConsent(headers, 'KJ-SAMTYKKE-BRUK')
  const sperret = legacyConsent(headers, 'KJ-SAMTYKKE-SPERRET-KRITISKINFO')
  return { ...(bruk !== undefined && { bruk }), ...(sperret !== undefined && { sperret }) }
}
