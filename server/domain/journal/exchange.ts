/**
 * One request and its answer as they happened, before the journal has made an entry of them.
 * Recording keeps only this (references to strings and objects the request already made) and
 * the entry is built from it when somebody first reads the journal. Redacting headers, summarising
 * the token, recording bodies and sizing the entry were over half of what a ping cost and nearly
 * half of a helseindikator (bench/analysis.md, issue 17); most entries are never read. What feeds
 * coverage, readiness and scenario counters is still decided per request, by the plugin.
 */
import { recordBody } from './body.js'
import { readHelseindikator, type HelseindikatorFacts } from './answer.js'
import { boundEntry, jsonLength } from './entry-bounds.js'
import type { FiredRule, JournalFace } from './entry.js'
import type { NewJournalEntry } from './journal.js'
import { redactedTicket, redactHeaders, redactQuery, redactText, redactUrl } from './redact.js'

export interface Exchange {
  /** When the request arrived, sandbox time. */
  readonly timeMs: number
  readonly eventId: string
  readonly method: string
  /** As received: path (without any `/s/<id>` prefix) and query. */
  readonly url: string
  readonly route: string | null
  readonly face: JournalFace
  readonly status: number
  readonly code: string | null
  readonly elapsedMs: number
  readonly requestHeaders: Readonly<Record<string, string | string[] | undefined>>
  /** The body as parsed (string, object, bytes); undefined when none. */
  readonly requestBody: unknown
  readonly contentLength?: number
  /** The answer's headers as sent, lower-case names. */
  readonly answerHeaders: Readonly<Record<string, unknown>>
  /** The answer body as sent, kept only for error answers and helseindikator answers. */
  readonly payload?: string
  /** A helseindikator answer's status and ticket; its body is read again from `payload` when built. */
  readonly indicator?: Pick<HelseindikatorFacts, 'status' | 'ticket'>
  readonly scenarioRules?: FiredRule[]
  readonly defaultChildOrganisation: boolean
  readonly sandboxHint?: string
  readonly findings?: string[]
}

/** The Authorization value last held; see `heldHeaders`. */
let lastAuthorization: string | undefined

/**
 * The request headers to hold until the entry is built: the request's own headers object, which
 * the request no longer needs once it has been answered. An EHR sends the same 1-2 KB token on
 * request after request; each arrives as a new string, and held for a thousand requests every
 * copy would outlive the young generation and be collected in the old one. Equal values share
 * the string held first, set in place (a copy of the object per request cost more than it held).
 */
export function heldHeaders (headers: Record<string, string | string[] | undefined>): Readonly<Record<string, string | string[] | undefined>> {
  const authorization = headers.authorization
  if (typeof authorization !== 'string') return headers
  if (authorization !== lastAuthorization) lastAuthorization = authorization
  else headers.authorization = lastAuthorization
  return headers
}

/** The answer headers worth showing; the rest is framework noise. */
const ANSWER_HEADERS = ['content-type', 'x-event-id', 'nhn-error-code', 'x-kj-feilkode', 'www-authenticate', 'location', 'dpop-nonce', 'allow', 'etag', 'last-modified']

function shownAnswerHeaders (sent: Readonly<Record<string, unknown>>): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const name of ANSWER_HEADERS) {
    const value = sent[name]
    if (value === undefined) continue
    const text = Array.isArray(value) ? value.join(', ') : String(value)
    headers[name] = name === 'location' ? redactUrl(text) : redactText(text)
  }
  return headers
}

/**
 * The journal entry of an exchange: redacted, bodies recorded, cut to its bounds. Built when a
 * reader asks, so a fault here must not fail the reader: the entry is then kept without its
 * headers and bodies, and says so.
 */
export function entryOf (x: Exchange): NewJournalEntry {
  try {
    return fullEntryOf(x)
  } catch {
    return {
      time: new Date(x.timeMs).toISOString(),
      timeMs: x.timeMs,
      eventId: x.eventId,
      method: x.method,
      path: x.url.split('?')[0] as string,
      route: x.route,
      face: x.face,
      status: x.status,
      code: x.code,
      durationMs: Math.round(x.elapsedMs * 100) / 100,
      truncated: ['request.headers', 'request.body', 'response'],
      request: { headers: {} },
      response: { headers: {} }
    }
  }
}

function fullEntryOf (x: Exchange): NewJournalEntry {
  const query = x.url.indexOf('?')
  const path = query < 0 ? x.url : x.url.slice(0, query)
  const queryParams = query < 0 ? undefined : redactQuery(x.url.slice(query + 1))
  const { headers, token } = redactHeaders(x.requestHeaders)
  const requestBody = recordBody(x.requestBody, x.contentLength)
  const answerBody = x.indicator !== undefined
    ? recordBody(x.payload === undefined ? undefined : readHelseindikator(x.payload)?.answer)
    : x.status >= 400 ? recordBody(x.payload) : undefined
  return boundEntry({
    time: new Date(x.timeMs).toISOString(),
    timeMs: x.timeMs,
    eventId: x.eventId,
    method: x.method,
    path,
    ...(queryParams !== undefined && { query: queryParams }),
    route: x.route,
    face: x.face,
    status: x.status,
    code: x.code,
    ...(x.indicator !== undefined && { helseindikatorStatus: x.indicator.status }),
    durationMs: Math.round(x.elapsedMs * 100) / 100,
    ...(x.scenarioRules !== undefined && { scenarioRules: x.scenarioRules }),
    ...(x.defaultChildOrganisation && { defaultChildOrganisation: true as const }),
    ...(x.sandboxHint !== undefined && { sandboxHint: x.sandboxHint }),
    ...(x.findings !== undefined && { findings: x.findings }),
    request: { headers, ...(token !== undefined && { token }), ...(requestBody !== undefined && { body: requestBody }) },
    response: {
      headers: shownAnswerHeaders(x.answerHeaders),
      ...(answerBody !== undefined && { body: answerBody }),
      ...(x.indicator?.ticket !== undefined && { ticket: redactedTicket(x.indicator.ticket) })
    }
  })
}

/** Fixed cost of an exchange kept unbuilt: the record, its arrays and the answer header object. */
const HELD_OVERHEAD = 2048

/**
 * What keeping the exchange unbuilt holds, in the journal budget's units (see entry-bounds.ts:
 * three per character, plus overhead): every request header whole, the body as received and the
 * answer body. On the high side, so an unbuilt entry never costs the budget less than it holds.
 */
export function heldBytes (x: Exchange): number {
  let chars = x.url.length + x.eventId.length + (x.payload?.length ?? 0)
  for (const name in x.requestHeaders) {
    const value = x.requestHeaders[name]
    if (typeof value === 'string') chars += name.length + value.length
    else if (value !== undefined) for (const v of value) chars += name.length + v.length
  }
  chars += bodyChars(x.requestBody, x.contentLength)
  if (x.scenarioRules !== undefined || x.findings !== undefined) chars += jsonLength(x.scenarioRules) + jsonLength(x.findings)
  return 3 * chars + HELD_OVERHEAD
}

function bodyChars (body: unknown, contentLength: number | undefined): number {
  if (body === undefined || body === null) return 0
  if (typeof body === 'string') return body.length
  if (body instanceof Uint8Array) return body.byteLength
  // A parsed body is larger in memory than its text; twice the text is a fair bound for JSON.
  return 2 * (contentLength ?? jsonLength(body))
}
