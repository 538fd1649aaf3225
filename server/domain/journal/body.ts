/**
 * Request and answer bodies for the journal: at most 4 KB, secrets redacted (see redact.ts).
 * Cheap by construction: strings are cut before they are searched, and parsed bodies too large
 * to serialise quickly are recorded by size only.
 */
import type { RecordedBody } from './entry.js'
import { detached } from './entry-bounds.js'
import { redactField, redactText } from './redact.js'

/** The most of a body the journal keeps. */
export const BODY_CAP = 4 * 1024
/** Parsed bodies larger than this are not serialised at all: the hot path stays cheap. */
const SERIALISE_CAP = 64 * 1024

/** A top-level field: a string, or a repeated form field (an array of strings). */
function redactTopValue (name: string, value: unknown): unknown {
  if (typeof value === 'string') return redactField(name, value)
  if (Array.isArray(value)) return value.map((v: unknown) => typeof v === 'string' ? redactField(name, v) : v)
  return value
}

function capped (text: string, bytes: number | undefined): RecordedBody {
  const truncated = text.length > BODY_CAP
  return { text: truncated ? detached(text.slice(0, BODY_CAP)) : text, ...(bytes !== undefined && { bytes }), ...(truncated && { truncated: true as const }) }
}

/**
 * A request or answer body for the journal: text and parsed forms/JSON up to 4 KB with secret
 * fields and token-shaped strings redacted; raw bytes and very large bodies by size only.
 * Strings are cut before redaction (twice the cap, so a token across the cut is still caught).
 */
export function recordBody (body: unknown, bytes?: number): RecordedBody | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') {
    if (body === '') return undefined
    const head = body.length > BODY_CAP * 2 ? body.slice(0, BODY_CAP * 2) : body
    const recorded = capped(redactText(head), bytes)
    return body.length > BODY_CAP ? { ...recorded, truncated: true } : recorded
  }
  if (body instanceof Uint8Array) return { bytes: bytes ?? body.byteLength, truncated: true }
  if (typeof body !== 'object') return capped(String(body), bytes)
  if (bytes !== undefined && bytes > SERIALISE_CAP) return { bytes, truncated: true }
  // Secret field names count at the top level only (forms, token requests): deeper down, FHIR's
  // `code` is a terminology code, not an authorization code.
  const top = Array.isArray(body)
    ? body
    : Object.fromEntries(Object.entries(body).map(([name, value]) => [name, redactTopValue(name, value)]))
  const text = JSON.stringify(top, (_key, value: unknown) => typeof value === 'string' ? redactText(value) : value)
  return capped(text, bytes)
}
