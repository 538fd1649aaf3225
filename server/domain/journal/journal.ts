/**
 * The request journal of one session: every request with its answer, newest kept. Bounded (a
 * ring of `capacity` entries, 1000 by default) so a busy session cannot grow without end; the
 * oldest entry goes first. Entries arrive already redacted (see redact.ts).
 */
import type { JournalEntry } from './entry.js'
import { compileFilter, type JournalFilter } from './query.js'

export const DEFAULT_JOURNAL_CAPACITY = 1000

export type NewJournalEntry = Omit<JournalEntry, 'seq'>

/** Told of every entry as it is recorded, and once when the journal is retired. */
export interface JournalListener {
  entry (entry: JournalEntry): void
  /** The journal's session was reset or deleted: nothing more will come from this journal. */
  end (): void
}

/** Live listeners per journal (dashboard tabs, SSE clients); more are refused. */
export const MAX_JOURNAL_LISTENERS = 32

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
  readonly #listeners = new Set<JournalListener>()
  #ended = false

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
    for (const listener of this.#listeners) {
      // A listener's fault is its own: the request that was recorded must not fail for it.
      try { listener.entry(recorded) } catch { this.#listeners.delete(listener) }
    }
    return recorded
  }

  /** The newest sequence number handed out (0 before the first entry). */
  get lastSeq (): number {
    return this.#seq
  }

  get listenerCount (): number {
    return this.#listeners.size
  }

  /**
   * Adds a live listener; returns its unsubscribe function, or undefined when the journal already
   * has MAX_JOURNAL_LISTENERS or has ended. Unsubscribing twice is harmless.
   */
  subscribe (listener: JournalListener): (() => void) | undefined {
    if (this.#ended || this.#listeners.size >= MAX_JOURNAL_LISTENERS) return undefined
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  /** Retires the journal (its session was replaced): every listener hears `end` and is dropped. */
  end (): void {
    this.#ended = true
    const listeners = [...this.#listeners]
    this.#listeners.clear()
    for (const listener of listeners) {
      try { listener.end() } catch {}
    }
  }

  /** Entries newer than `seq`, oldest first, at most `limit` (the newest of them). */
  since (seq: number, limit: number): JournalEntry[] {
    const out: JournalEntry[] = []
    for (const entry of this.newestFirst()) {
      if (entry.seq <= seq || out.length >= limit) break
      out.push(entry)
    }
    return out.reverse()
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
