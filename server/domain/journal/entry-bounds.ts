/**
 * The size of one journal entry, bounded and estimated. Headers and the query string are kept
 * only up to a few kilobytes (what is cut is named in `truncated`), and cut strings are copied,
 * because a slice of a 12 KB header keeps all 12 KB alive (robustness probe, finding 3).
 * The estimate (three times the entry's JSON length, counted without serialising it, plus object
 * overhead) is what the byte
 * budget charges, meant to be on the high side: cut strings end in `…` and so are held two bytes
 * a character, and the nested objects cost on top of their text.
 */
import type { JournalEntry } from './entry.js'

/** Request headers kept per entry, names and values together. */
export const HEADERS_CAP = 4 * 1024
/** Query parameters kept per entry, names and values together. */
export const QUERY_CAP = 2 * 1024
/** A longer path is cut (filters then see the cut path). */
export const PATH_CAP = 2 * 1024
const OVERHEAD = 1024

/** A copy of `text` that does not share memory with the string it was cut from. */
export function detached (text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8')
}

/** `text` cut to `cap` characters (and copied) when longer. */
export function cut (text: string, cap: number): string {
  return text.length > cap ? detached(`${text.slice(0, cap)}…`) : text
}

type Fields<T> = Record<string, T>

/** Keeps fields in order while their names and values fit in `cap`; undefined when all fit. */
function keepWithin<T extends string | string[]> (fields: Fields<T>, cap: number): Fields<T> | undefined {
  let used = 0
  const kept: Fields<T> = {}
  let cutAny = false
  for (const [name, value] of Object.entries(fields)) {
    const size = name.length + (Array.isArray(value) ? value.reduce((sum, v) => sum + v.length, 0) : value.length)
    if (used + size > cap) { cutAny = true; continue }
    used += size
    kept[name] = value
  }
  return cutAny ? kept : undefined
}

/** The entry with its unbounded parts cut to their caps, and what was cut named. */
export function boundEntry<E extends Omit<JournalEntry, 'seq'>> (entry: E): E {
  const truncated: string[] = []
  let bounded: E = entry
  if (entry.path.length > PATH_CAP) {
    bounded = { ...bounded, path: cut(entry.path, PATH_CAP) }
    truncated.push('path')
  }
  const query = entry.query === undefined ? undefined : keepWithin(entry.query, QUERY_CAP)
  if (query !== undefined) {
    bounded = { ...bounded, query }
    truncated.push('query')
  }
  const headers = keepWithin(entry.request.headers, HEADERS_CAP)
  if (headers !== undefined) {
    bounded = { ...bounded, request: { ...bounded.request, headers } }
    truncated.push('request.headers')
  }
  return truncated.length === 0 ? bounded : { ...bounded, truncated }
}

/**
 * About the length of `value` as JSON, without making the JSON: every request's entry is sized,
 * and serialising it only to count was a tenth of what recording a ping cost. Escapes are not
 * counted; the budget's factor of three covers them.
 */
export function jsonLength (value: unknown): number {
  switch (typeof value) {
    case 'string': return value.length + 2
    case 'number': return 16
    case 'boolean': return 5
    case 'object': {
      if (value === null) return 4
      let length = 2
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) length += jsonLength(item) + 1
        return length
      }
      for (const key in value) {
        const field = (value as Record<string, unknown>)[key]
        if (field !== undefined) length += key.length + 4 + jsonLength(field)
      }
      return length
    }
    default: return 0
  }
}

/** What the byte budget charges for an entry. */
export function entryBytes (entry: JournalEntry): number {
  return 3 * jsonLength(entry) + OVERHEAD
}
