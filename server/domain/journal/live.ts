/**
 * The request journal as server-sent events (text/event-stream), for the dashboard and anyone
 * who wants to watch a session live: one `request` event per journaled request, with the entry's
 * sequence number as the event id, so a client that reconnects with `Last-Event-ID` misses nothing
 * the journal still holds. The event carries a summary: what QA scans for (method, path, status,
 * code); the whole entry stays one GET /__admin/requests?eventId=... away.
 */
import type { JournalEntry } from './entry.js'

export interface LiveRequestEvent {
  seq: number
  time: string
  eventId: string
  method: string
  path: string
  face: JournalEntry['face']
  status: number
  code: string | null
  helseindikatorStatus?: number
  durationMs: number
  /** The scenario rule that decided the answer: `scenario / rule: effect`. */
  rule?: string
  /** Readiness findings the request gave rise to. */
  findings?: string[]
}

/** `slow-network / rule 0 "first call": delay 250 ms`: which scenario rule made the answer what it is. */
export function appliedRule (entry: JournalEntry): string | undefined {
  const applied = entry.scenarioRules?.find((r) => r.applied) ?? entry.scenarioRules?.find((r) => r.effect !== 'none')
  if (applied === undefined) return undefined
  return `${applied.scenario} / rule ${applied.rule}${applied.ruleName !== undefined ? ` "${applied.ruleName}"` : ''}: ${applied.effect}`
}

export function liveEvent (entry: JournalEntry): LiveRequestEvent {
  return {
    seq: entry.seq,
    time: entry.time,
    eventId: entry.eventId,
    method: entry.method,
    path: entry.path,
    face: entry.face,
    status: entry.status,
    code: entry.code,
    ...(entry.helseindikatorStatus !== undefined && { helseindikatorStatus: entry.helseindikatorStatus }),
    durationMs: entry.durationMs,
    ...(appliedRule(entry) !== undefined && { rule: appliedRule(entry) }),
    ...(entry.findings !== undefined && { findings: entry.findings })
  }
}

/** One SSE message. JSON has no raw newlines, so `data` is always a single line. */
export function sseMessage (event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

export function requestMessage (entry: JournalEntry): string {
  return sseMessage('request', liveEvent(entry), entry.seq)
}

/** A comment line: keeps proxies and idle-socket timers from closing a quiet stream. */
export const SSE_HEARTBEAT = ': keep-alive\n\n'

/** How long a client waits before reconnecting after the stream ends (the SSE `retry` field). */
export const SSE_RETRY_MS = 2000

/** `Last-Event-ID` (or `?lastEventId=`) as a sequence number; undefined when absent or not one. */
export function lastEventId (value: unknown): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text.trim())) return undefined
  return Number(text.trim())
}
