/**
 * Filters over the journal, and the admin API's query parameters for them. `path` and `code`
 * take a substring (path) or exact value (code), or a glob with `*`; `status` a status or a class
 * (`4xx`); `eventId` the event id in either spelling (UUID, or X-EVENT-ID's `Id-<hex>`).
 */
import { z } from 'zod'
import { globMatcher } from '../glob.js'
import type { JournalEntry } from './entry.js'

export interface JournalFilter {
  readonly path?: string
  readonly method?: string
  /** An exact status, or a class: `4xx`. */
  readonly status?: string
  readonly code?: string
  readonly eventId?: string
  /** Inclusive bounds, sandbox milliseconds. */
  readonly since?: number
  readonly until?: number
}

const isoTime = z.iso.datetime({ offset: true }).transform((value) => Date.parse(value))

export const journalFilterSchema = z.object({
  path: z.string().min(1).max(512).optional(),
  method: z.string().regex(/^[A-Za-z]{3,10}$/, 'expected an HTTP method such as POST').optional(),
  status: z.string().regex(/^[1-5](\d\d|xx)$/i, 'expected a status such as 403, or a class such as 4xx').optional(),
  code: z.string().min(1).max(128).optional(),
  eventId: z.string().regex(/^(Id-)?[0-9a-fA-F-]{32,36}$/, 'expected an event id: a UUID, or X-EVENT-ID as sent').optional(),
  since: isoTime.optional(),
  until: isoTime.optional()
}).strict()

export const journalListSchema = journalFilterSchema.extend({
  /** Newest first; the journal keeps 1000 per session by default. */
  limit: z.coerce.number().int().min(1).max(10_000).default(100)
}).strict()

function statusMatcher (status: string): (value: number) => boolean {
  if (/xx$/i.test(status)) {
    const hundreds = Number(status[0])
    return (value) => Math.floor(value / 100) === hundreds
  }
  const exact = Number(status)
  return (value) => value === exact
}

function plainEventId (eventId: string): string {
  return eventId.replace(/^Id-/, '').replaceAll('-', '').toLowerCase()
}

/** One predicate for the filter, built once per query rather than per entry. */
export function compileFilter (filter: JournalFilter): (entry: JournalEntry) => boolean {
  const tests: Array<(entry: JournalEntry) => boolean> = []
  const { path, method, status, code, eventId, since, until } = filter
  if (path !== undefined) {
    if (path.includes('*')) {
      const match = globMatcher(path)
      tests.push((e) => match(e.path))
    } else {
      tests.push((e) => e.path.includes(path))
    }
  }
  if (method !== undefined) {
    const wanted = method.toUpperCase()
    tests.push((e) => e.method === wanted)
  }
  if (status !== undefined) {
    const match = statusMatcher(status)
    tests.push((e) => match(e.status))
  }
  if (code !== undefined) {
    const match = globMatcher(code, { ignoreCase: true })
    tests.push((e) => e.code !== null && match(e.code))
  }
  if (eventId !== undefined) {
    const wanted = plainEventId(eventId)
    tests.push((e) => plainEventId(e.eventId) === wanted)
  }
  if (since !== undefined) tests.push((e) => e.timeMs >= since)
  if (until !== undefined) tests.push((e) => e.timeMs <= until)
  return (entry) => tests.every((test) => test(entry))
}
