/**
 * The `/status` body's `nin` against the `nhn-patient-nin` header. NHN's page lists `nin` as the
 * input and its curl sends both (the same number, the body without a JSON Content-Type); the
 * header names whose record is read. A body `nin` that names someone else is refused as the
 * API's own mismatch rule (KI-0010: "the patient nin ... does not match the patient nin in the
 * header") rather than silently ignored: an EHR that mixes two patients up learns it here. A
 * body that is absent, not JSON, or without `nin` is accepted (the header decides), since the
 * real service's handling of it is not documented (docs/assumptions.md).
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/api-methods/status-critical-infomd
 */
import { KjError } from '../kj-error.js'
import type { LeniencyNote } from './leniency-notes.js'

function parsed (raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

/** Throws on a mismatch; a note when the body has no `nin` to check (the header alone decided). */
export function checkStatusBodyNin (rawBody: unknown, headerNin: string): LeniencyNote | undefined {
  const note = (what: string): LeniencyNote => ({ leniency: 'status-body-unchecked', did: `${what}; nhn-patient-nin alone named the patient` })
  if (typeof rawBody !== 'string' || rawBody.trim() === '') return note('no body')
  const body = parsed(rawBody)
  if (body === undefined) return note('a body that is not JSON')
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('nin' in body)) return note('a body without nin')
  const { nin } = body as { nin: unknown }
  if (typeof nin !== 'string') throw new KjError('KI-0007', 'the body\'s nin must be a string')
  if (nin.trim() !== headerNin) throw new KjError('KI-0010', `the body's nin '${nin}' is not the nhn-patient-nin header's '${headerNin}'`)
  return undefined
}
