/**
 * What a rule's `when` can look at, taken from a request once: face, method, path, headers, the
 * JSON (or form) body, and who it is about: patient, user, client and organisation. Tokens are
 * decoded without verifying (a scenario may target a broken token too) and never logged.
 */
import { CLAIM } from '../helseid/claims.js'
import { faceOf, pathOf, type Face } from '../faces.js'

export type Headers = Readonly<Record<string, string | string[] | undefined>>

export interface RequestFacts {
  readonly face: Face | 'other'
  /** Upper case. */
  readonly method: string
  readonly path: string
  /** Names lower case, as Node gives them. */
  readonly headers: Headers
  readonly body: unknown
  readonly patients: readonly string[]
  /** pid and HPR number of the token's user. */
  readonly users: readonly string[]
  readonly clientIds: readonly string[]
  readonly organisations: readonly string[]
}

export interface RequestInput {
  readonly url: string
  readonly method: string
  readonly headers: Headers
  /** As the route parsed it: text on the Kjernejournal faces, an object on HelseID and admin. */
  readonly body: unknown
  /** The patient of the X-KJ-Ticket, when the caller could open it. */
  readonly ticketPatient?: string | undefined
}

/** The payload of a JWT, unverified; undefined when it is not one. */
export function decodeJwtPayload (jwt: string): Record<string, unknown> | undefined {
  const part = jwt.split('.')[1]
  if (part === undefined) return undefined
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload as Record<string, unknown> : undefined
  } catch {
    return undefined
  }
}

export function headerValue (headers: Headers, name: string): string | undefined {
  const raw = headers[name]
  return Array.isArray(raw) ? raw[0] : raw
}

function parseBody (body: unknown): unknown {
  if (typeof body !== 'string') return body
  const text = body.trim()
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Strings at a claim or field: one string, or a list of them. */
function strings (value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}

function field (value: unknown, ...path: string[]): unknown {
  let at = value
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined
    at = (at as Record<string, unknown>)[key]
  }
  return at
}

function tokenClaims (headers: Headers): Record<string, unknown> {
  const match = /^(?:Bearer|DPoP)\s+(\S+)$/i.exec(headerValue(headers, 'authorization')?.trim() ?? '')
  return (match?.[1] !== undefined ? decodeJwtPayload(match[1]) : undefined) ?? {}
}

function patientsOf (input: RequestInput, body: unknown): string[] {
  return [
    ...strings(field(body, 'fnr')),
    ...strings(headerValue(input.headers, 'nhn-patient-nin')),
    ...strings(headerValue(input.headers, 'hit-patient-pid')),
    ...strings(field(body, 'patient', 'identifier', 'value')),
    ...strings(field(body, 'subject', 'identifier', 'value')),
    ...strings(input.ticketPatient)
  ]
}

export function requestFacts (input: RequestInput): RequestFacts {
  const body = parseBody(input.body)
  const claims = tokenClaims(input.headers)
  const assertion = decodeJwtPayload(strings(field(body, 'client_assertion'))[0] ?? '') ?? {}
  return {
    face: faceOf(input.url),
    method: input.method.toUpperCase(),
    path: pathOf(input.url),
    headers: input.headers,
    body,
    patients: patientsOf(input, body),
    users: [...strings(claims[CLAIM.pid]), ...strings(claims[CLAIM.hprNumber])],
    // The token's client; at HelseID, the client asking for one.
    clientIds: [...strings(claims.client_id), ...strings(field(body, 'client_id')), ...strings(assertion.sub)],
    organisations: [...strings(claims[CLAIM.orgnrChild]), ...strings(claims[CLAIM.orgnrParent])]
  }
}
