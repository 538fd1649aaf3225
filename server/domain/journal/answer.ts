/**
 * What the journal reads from an answer: its error code and, for helseindikator, the icon status.
 * Cheap on purpose (runs for every request): the code comes from a header or a regular
 * expression over an error body; only helseindikator answers are parsed as JSON.
 */
import type { JournalFace } from './entry.js'

export interface AnswerFacts {
  readonly face: JournalFace
  readonly status: number
  /** The `nhn-error-code` header (REST and FHIR faces). */
  readonly errorCodeHeader?: unknown
  readonly wwwAuthenticate?: unknown
  /** The answer body, when it was a string. */
  readonly payload?: string
}

const OAUTH_ERROR_FIELD = /"error"\s*:\s*"([A-Za-z0-9_.:-]{1,64})"/
const OAUTH_CHALLENGE_ERROR = /\berror="([A-Za-z0-9_.:-]{1,64})"/

/** `nhn-error-code`, or `oauth:<error>` for a failed HelseID answer; null when the answer has none. */
export function answerCode (facts: AnswerFacts): string | null {
  const header = Array.isArray(facts.errorCodeHeader) ? facts.errorCodeHeader[0] : facts.errorCodeHeader
  if (typeof header === 'string' && header !== '') return header
  if (facts.face !== 'helseid' || facts.status < 400) return null
  const error = (facts.payload !== undefined ? OAUTH_ERROR_FIELD.exec(facts.payload)?.[1] : undefined) ??
    (typeof facts.wwwAuthenticate === 'string' ? OAUTH_CHALLENGE_ERROR.exec(facts.wwwAuthenticate)?.[1] : undefined)
  return error === undefined ? null : `oauth:${error}`
}

export interface HelseindikatorFacts {
  /** The icon status, 0-4. */
  readonly status: number
  /** The answer as parsed, for recording (its ticket still in it: redact before keeping). */
  readonly answer: Record<string, unknown>
  readonly ticket?: string
}

/** The status (and ticket) of a helseindikator answer; undefined when the body is not one. */
export function readHelseindikator (payload: string): HelseindikatorFacts | undefined {
  let answer: unknown
  try {
    answer = JSON.parse(payload)
  } catch {
    return undefined
  }
  return helseindikatorFacts(answer)
}

/** The same, from the answer as an object (the one the route sent, when the journal has it). */
export function helseindikatorFacts (answer: unknown): HelseindikatorFacts | undefined {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return undefined
  const { status, ticket } = answer as { status?: unknown, ticket?: unknown }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 4) return undefined
  return { status, answer: answer as Record<string, unknown>, ...(typeof ticket === 'string' && { ticket }) }
}
