/**
 * One byte budget for the journals of all sessions together. A ring of 1000 entries per session
 * times MAX_SESSIONS is no bound when an entry can be many kilobytes and any peer can open
 * sessions (robustness probe, finding 3: 80,000 refused requests took 1.3 GB). Every journal
 * charges its entries here; past the budget the oldest entry of all sessions goes first.
 * Sizes are estimates (see entry-bounds.ts), not heap measurements.
 */

/** What the budget needs of a journal: to drop its oldest entry if it is still that one. */
export interface BudgetedJournal {
  /** Drops the oldest entry when its seq is `seq` or older; false when it is already gone. */
  dropOldest (seq: number): boolean
  /** Whether the entry `seq` is still kept. */
  holds (seq: number): boolean
}

interface Charge {
  readonly journal: BudgetedJournal
  readonly seq: number
}

/** The default: 64 MiB of journal across every session. */
export const DEFAULT_JOURNAL_BUDGET_BYTES = 64 * 1024 * 1024

export class JournalBudget {
  readonly maxBytes: number
  #used = 0
  #live = 0
  /** Oldest first, across journals; may hold entries already gone (cleared, overwritten). */
  #order: Charge[] = []
  #head = 0

  constructor (maxBytes = DEFAULT_JOURNAL_BUDGET_BYTES) {
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new RangeError('the journal budget must be a positive number of bytes')
    this.maxBytes = maxBytes
  }

  /** Estimated bytes held by every journal now. */
  get usedBytes (): number {
    return this.#used
  }

  /** A journal kept a new entry; older entries anywhere go until the total fits. */
  charge (journal: BudgetedJournal, seq: number, bytes: number): void {
    this.#used += bytes
    this.#live++
    this.#order.push({ journal, seq })
    while (this.#used > this.maxBytes && this.#head < this.#order.length) {
      const oldest = this.#order[this.#head++] as Charge
      oldest.journal.dropOldest(oldest.seq)
    }
    this.#compact()
  }

  /** A kept entry's estimate changed (it was built); no entry goes for it, the next charge decides. */
  resize (from: number, to: number): void {
    this.#used += to - from
  }

  /** A journal let an entry go (overwritten, cleared, dropped, retired). */
  release (bytes: number): void {
    this.#used -= bytes
    this.#live--
  }

  /** Keeps the queue near the number of live entries, so forgotten entries cost nothing for long. */
  #compact (): void {
    const queued = this.#order.length - this.#head
    if (queued <= 2 * this.#live + 1024) return
    this.#order = this.#order.slice(this.#head).filter((charge) => charge.journal.holds(charge.seq))
    this.#head = 0
  }
}
