/**
 * The bodies of the Kjernejournal Innlogging API (reference §4.2, NHN's sample EHR
 * `CreateSessionRequest.kt`). Fields the API documents are checked; unknown fields are ignored,
 * as the sample client is told to ignore unknown answer fields.
 */
import { KjError } from '../kj-error.js'
import { isValidNin } from '../nin.js'
import { NIN_SYSTEM } from '../critical-info/types.js'
import type { AccessBasis } from './innlogging.js'

export const HPR_ROLE_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.1.9060'
export const ACCESS_BASIS_SYSTEM = 'SYSTEM_GRUNNLAG'
export const ACCESS_BASES: readonly AccessBasis[] = ['SAMTYKKE', 'AKUTT', 'UNNTAK']

export interface CreateSessionRequest {
  readonly challenge: string
  readonly nin: string
  readonly role: string
  readonly accessBasis: AccessBasis
}

type Json = Record<string, unknown>

function invalid (why: string): KjError {
  return new KjError('KJF-000260', why)
}

function object (value: unknown, name: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${name} must be a JSON object`)
  return value as Json
}

function text (parent: Json, key: string, name: string): string {
  const value = parent[key]
  if (value === undefined || value === null || value === '') throw invalid(`${name} is missing`)
  if (typeof value !== 'string') throw invalid(`${name} must be a string`)
  return value
}

function checkSystem (parent: Json, expected: string, name: string): void {
  const system = parent.system
  if (system !== undefined && system !== expected) throw invalid(`${name}.system must be ${expected}, not ${JSON.stringify(system)}`)
}

export function parseJsonBody (raw: unknown): unknown {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid('the body is empty; send JSON')
  try {
    return JSON.parse(raw)
  } catch {
    throw invalid('the body is not valid JSON')
  }
}

export function parseCreateSession (body: unknown): CreateSessionRequest {
  const root = object(body, 'the body')
  const challenge = text(root, 'ehr_code_challenge', 'ehr_code_challenge')
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) throw invalid('ehr_code_challenge must be BASE64URL(SHA-256(verifier)): 43 characters, no padding')
  const claims = object(root.claims, 'claims')
  const patient = object(claims.patient_identifier, 'claims.patient_identifier')
  const nin = text(patient, 'id', 'claims.patient_identifier.id')
  checkSystem(patient, NIN_SYSTEM, 'claims.patient_identifier')
  if (!/^\d{11}$/.test(nin) || !isValidNin(nin)) throw new KjError('KJF-000016', `claims.patient_identifier.id '${nin}' is not a national identity number`)
  const authorisation = object(claims.practitioner_authorization, 'claims.practitioner_authorization')
  const role = text(authorisation, 'code', 'claims.practitioner_authorization.code')
  checkSystem(authorisation, HPR_ROLE_SYSTEM, 'claims.practitioner_authorization')
  const basis = object(claims.access_basis, 'claims.access_basis')
  const accessBasis = text(basis, 'code', 'claims.access_basis.code')
  checkSystem(basis, ACCESS_BASIS_SYSTEM, 'claims.access_basis')
  if (!(ACCESS_BASES as readonly string[]).includes(accessBasis)) {
    throw new KjError('KJF-000323', `claims.access_basis.code '${accessBasis}' is not one of ${ACCESS_BASES.join(', ')}`)
  }
  return { challenge, nin, role, accessBasis: accessBasis as AccessBasis }
}

/** refresh and end: `{"sessionId": "..."}`. */
export function parseSessionId (body: unknown): string {
  return text(object(body, 'the body'), 'sessionId', 'sessionId')
}
