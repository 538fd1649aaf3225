/**
 * What the journal keeps of one request and its answer. Everything here is already redacted:
 * tokens, DPoP proofs, tickets and client credentials are fingerprints with a summary, never
 * whole, so the journal can be shown to anyone who can reach /__admin.
 */

import type { Face } from '../faces.js'

/** The part of the sandbox that answered; the sandbox's own API is journaled as 'other'. */
export type JournalFace = Exclude<Face, 'admin'> | 'other'

/** The non-secret claims of a bearer token, so QA sees which token was sent without holding it. */
export interface TokenClaimsSummary {
  client_id?: string
  aud?: string | string[]
  scope?: string | string[]
  pid?: string
  hpr?: string
  /** Seconds since the epoch, as in the token. */
  exp?: number
  /** The token is DPoP-bound (has `cnf.jkt`). */
  dpop_bound?: boolean
}

export interface TokenSummary {
  /** `Bearer` or `DPoP`, as sent. */
  scheme: string
  /** `[redacted token, sha256:<12 chars>]`: equal tokens have equal fingerprints. */
  token: string
  /** Absent when the token is not a readable JWT. */
  claims?: TokenClaimsSummary
}

export interface RecordedBody {
  /** At most 4 KB of the body, secrets redacted; absent when too large to record cheaply. */
  text?: string
  /** The body's size in bytes when known. */
  bytes?: number
  truncated?: true
}

/** A scenario rule that fired on the request (see fired-rules.ts). */
export interface FiredRule {
  scenario: string
  /** The rule's place in its scenario, from 0. */
  rule: number
  ruleName?: string
  /** The sequence step used (from 0), for rules with a sequence. */
  step?: number
  /** What the rule did: `error KJF-000345`, `oauthError invalid_grant`, `fault reset`, `override ticket`, `delay 250 ms`, or `none`. */
  effect: string
  /** This firing decided the answer; other rules that fired only moved their counters and state. */
  applied: boolean
}

export interface JournalEntry {
  /** Order of recording in this session, from 1; never reused, not even after `clear()`. */
  seq: number
  /** When the request arrived, sandbox time (ISO 8601). */
  time: string
  /** The same, milliseconds since the epoch, for filtering. */
  timeMs: number
  /** The request's event id: X-EVENT-ID is `Id-` + this without dashes; OperationOutcome.id is this. */
  eventId: string
  method: string
  /** The path without the query and without any `/s/<id>` session prefix. */
  path: string
  /** The query parameters, redacted; absent when there are none. */
  query?: Record<string, string | string[]>
  /** The route pattern that answered, e.g. `/v1/helseindikator`; null when no route matched. */
  route: string | null
  face: JournalFace
  status: number
  /** The error code of the answer: `nhn-error-code`, or `oauth:<error>` for HelseID; null when none. */
  code: string | null
  /** The helseindikator status (0-4) when the answer was one. */
  helseindikatorStatus?: number
  durationMs: number
  /** The scenario rules that fired, in activation order; absent when none did. */
  scenarioRules?: FiredRule[]
  /**
   * A token request whose token got orgnr_child from the client registration, not from the
   * EHR's organisation structure: real HelseID would have left it out (leniency
   * default-child-organisation).
   */
  defaultChildOrganisation?: true
  /**
   * What the sandbox told the caller in `X-Sandbox-Hint`: the call failed only because the
   * sandbox's world lacks something (an organisation), and the one call that adds it.
   */
  sandboxHint?: string
  /** Readiness findings the request gave rise to (ids; see GET /__admin/readiness). */
  findings?: string[]
  /** Parts cut to keep the entry small (`path`, `query`, `request.headers`); absent when none. */
  truncated?: string[]
  request: {
    headers: Record<string, string>
    /** The caller's bearer token, summarised. */
    token?: TokenSummary
    body?: RecordedBody
  }
  response: {
    /** The answer headers QA asks about (content type, event id, error code, challenges, location). */
    headers: Record<string, string>
    /** Error answers only (status >= 400): at most 4 KB, tokens redacted. */
    body?: RecordedBody
    /** Fingerprint of the ticket a helseindikator answer carried, to match later X-KJ-Ticket use. */
    ticket?: string
  }
}
