/**
 * The request journal of one session: every request with its answer, newest kept. Bounded (at
 * most `capacity` entries, 1000 by default, and a share of one byte budget for all sessions, see
 * budget.ts) so neither a busy session nor many sessions grow without end; the oldest entry goes
 * first. Entries arrive already redacted (see redact.ts) and cut to size (entry-bounds.ts), or
 * as an unbuilt entry (see exchange.ts) that is built, once, when the journal is first read past
 * it: recording is on every request's path, reading is not.
 */
import { JournalBudget, type BudgetedJournal } from './budget.js'
import { entryBytes } from './entry-bounds.js'
import type { JournalEntry } from './entry.js'
import { compileFilter, type JournalFilter } from './query.js'

export const DEFAULT_JOURNAL_CAPACITY = 1000

export type NewJournalEntry = Omit<JournalEntry, 'seq'>

/** An entry to be built when first read; `bytes` is what it holds until then (budget units). */
export interface UnbuiltEntry {
  readonly bytes: number
  build (): NewJournalEntry
}

class Unbuilt {
  constructor (readonly seq: number, readonly entry: UnbuiltEntry) {}
}

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

export class RequestJournal implements BudgetedJournal {
  readonly capacity: number
  readonly #budget: JournalBudget
  /** Oldest first from #head; slots before #head are dropped entries awaiting compaction. */
  #entries: Array<JournalEntry | Unbuilt | undefined> = []
  #sizes: number[] = []
  #head = 0
  #seq = 0
  readonly #listeners = new Set<JournalListener>()
  #ended = false

  /** Without a shared budget (tests, tools) the journal has one of its own. */
  constructor (capacity = DEFAULT_JOURNAL_CAPACITY, budget = new JournalBudget()) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('the journal capacity must be a positive integer')
    this.capacity = capacity
    this.#budget = budget
  }

  get size (): number {
    return this.#entries.length - this.#head
  }

  record (entry: NewJournalEntry): JournalEntry {
    const recorded: JournalEntry = { seq: ++this.#seq, ...entry }
    // A retired journal's session is gone: a late request is told to nobody and kept nowhere.
    if (this.#ended) return recorded
    this.#keep(recorded, entryBytes(recorded))
    for (const listener of this.#listeners) {
      // A listener's fault is its own: the request that was recorded must not fail for it.
      try { listener.entry(recorded) } catch { this.#listeners.delete(listener) }
    }
    return recorded
  }

  /** Keeps `entry` unbuilt; a journal with live listeners builds it now, to tell them. */
  recordUnbuilt (entry: UnbuiltEntry): void {
    if (this.#listeners.size > 0 || this.#ended) {
      this.record(entry.build())
      return
    }
    this.#keep(new Unbuilt(++this.#seq, entry), entry.bytes)
  }

  #keep (entry: JournalEntry | Unbuilt, bytes: number): void {
    this.#entries.push(entry)
    this.#sizes.push(bytes)
    if (this.size > this.capacity) this.#dropFirst()
    this.#budget.charge(this, entry.seq, bytes)
  }

  /** The entry in slot `i`, built first if it was kept unbuilt. */
  #at (i: number): JournalEntry {
    const slot = this.#entries[i] as JournalEntry | Unbuilt
    if (!(slot instanceof Unbuilt)) return slot
    const entry: JournalEntry = { seq: slot.seq, ...slot.entry.build() }
    const bytes = entryBytes(entry)
    this.#budget.resize(this.#sizes[i] as number, bytes)
    this.#sizes[i] = bytes
    this.#entries[i] = entry
    return entry
  }

  #dropFirst (): void {
    const bytes = this.#sizes[this.#head] as number
    // The slot lets go of its entry now, not at the next compaction.
    this.#entries[this.#head] = undefined
    this.#head++
    this.#budget.release(bytes)
    // Compacting at half keeps both the cost per entry and the dead slots bounded.
    if (this.#head >= 64 && this.#head * 2 >= this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head)
      this.#sizes = this.#sizes.slice(this.#head)
      this.#head = 0
    }
  }

  dropOldest (seq: number): boolean {
    const oldest = this.#entries[this.#head]
    if (oldest === undefined || oldest.seq > seq) return false
    this.#dropFirst()
    return true
  }

  holds (seq: number): boolean {
    const oldest = this.#entries[this.#head]
    // Entries go oldest first and their seqs have no gaps, so any seq from the oldest on is kept.
    return oldest !== undefined && oldest.seq <= seq
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
    this.clear()
    const listeners = [...this.#listeners]
    this.#listeners.clear()
    for (const listener of listeners) {
      try { listener.end() } catch {}
    }
  }

  /** Entries newer than `seq`, oldest first, at most `limit` (the newest of them). */
  since (seq: number, limit: number): JournalEntry[] {
    const out: JournalEntry[] = []
    // Slots are looked at before they are built: what is not wanted stays unbuilt.
    for (let i = this.#entries.length - 1; i >= this.#head && out.length < limit; i--) {
      if ((this.#entries[i] as JournalEntry | Unbuilt).seq <= seq) break
      out.push(this.#at(i))
    }
    return out.reverse()
  }

  /** Newest first. */
  * newestFirst (): Generator<JournalEntry> {
    for (let i = this.#entries.length - 1; i >= this.#head; i--) yield this.#at(i)
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
    for (let i = this.#head; i < this.#sizes.length; i++) this.#budget.release(this.#sizes[i] as number)
    this.#entries = []
    this.#sizes = []
    this.#head = 0
  }
}
