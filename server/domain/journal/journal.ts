/**
 * The request journal of one session: every request with its answer, newest kept. Bounded (a
 * ring of `capacity` entries, 1000 by default) so a busy session cannot grow without end; the
 * oldest entry goes first. Entries arrive already redacted (see redact.ts).
 */
import type { JournalEntry } from './entry.js'
import { compileFilter, type JournalFilter } from './query.js'

export const DEFAULT_JOURNAL_CAPACITY = 1000

export type NewJournalEntry = Omit<JournalEntry, 'seq'>

export interface JournalPage {
  /** How many entries match, before `limit`. */
  readonly total: number
  /** Newest first. */
  readonly requests: JournalEntry[]
}

export class RequestJournal {
  readonly capacity: number
  #entries: JournalEntry[] = []
  /** Where the next entry goes once the ring is full: the oldest entry's slot. */
  #next = 0
  #seq = 0

  constructor (capacity = DEFAULT_JOURNAL_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('the journal capacity must be a positive integer')
    this.capacity = capacity
  }

  get size (): number {
    return this.#entries.length
  }

  record (entry: NewJournalEntry): JournalEntry {
    const recorded: JournalEntry = { seq: ++this.#seq, ...entry }
    if (this.#entries.length < this.capacity) {
      this.#entries.push(recorded)
    } else {
      this.#entries[this.#next] = recorded
      this.#next = (this.#next + 1) % this.capacity
    }
    return recorded
  }

  /** Newest first. */
  * newestFirst (): Generator<JournalEntry> {
    const n = this.#entries.length
    for (let i = 1; i <= n; i++) yield this.#entries[(this.#next - i + n) % n] as JournalEntry
  }

  query (filter: JournalFilter = {}, limit = 100): JournalPage {
    const matches = compileFilter(filter)
    const requests: JournalEntry[] = []
    let total = 0
    for (const entry of this.newestFirst()) {
      if (!matches(entry)) continue
      total++
      if (requests.length < limit) requests.push(entry)
    }
    return { total, requests }
  }

  count (filter: JournalFilter = {}): number {
    const matches = compileFilter(filter)
    let count = 0
    for (const entry of this.newestFirst()) if (matches(entry)) count++
    return count
  }

  /** Forgets every entry; sequence numbers go on, so an entry is never mistaken for an older one. */
  clear (): void {
    this.#entries = []
    this.#next = 0
  }
}
