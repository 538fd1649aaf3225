/**
 * One entry budget for a kind of per-session store (authorization codes, pushed requests, ...)
 * across all sessions. A cap per session times MAX_SESSIONS is no bound when any peer can open
 * sessions (issue 18: 1000 sessions x 10,000 codes); every store of the kind charges its entries
 * here, and past the budget the oldest entry of any session goes first, as it would in one store.
 */

/** What the pool needs of a store: to drop an entry if it is still the one charged. */
export interface PooledStore {
  /** Drops the entry charged under `stamp`; false when it is already gone or replaced. */
  dropCharged (key: unknown, stamp: number): boolean
  /** Whether the entry charged under `stamp` is still kept. */
  holdsCharged (key: unknown, stamp: number): boolean
}

interface Charge {
  readonly store: PooledStore
  readonly key: unknown
  readonly stamp: number
}

export class EntryPool {
  readonly max: number
  #live = 0
  #stamp = 0
  /** Oldest first, across stores; may hold entries already gone (taken, expired, cleared). */
  #order: Charge[] = []
  #head = 0

  constructor (max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('an entry pool must hold at least one entry')
    this.max = max
  }

  /** Entries kept by every store of the kind now. */
  get size (): number {
    return this.#live
  }

  /** A new stamp for an entry about to be charged: tells it from an older entry under the same key. */
  stamp (): number {
    return ++this.#stamp
  }

  /** A store kept a new entry; older entries anywhere go until the total fits. */
  charge (store: PooledStore, key: unknown, stamp: number): void {
    this.#live++
    this.#order.push({ store, key, stamp })
    while (this.#live > this.max && this.#head < this.#order.length) {
      const oldest = this.#order[this.#head++] as Charge
      oldest.store.dropCharged(oldest.key, oldest.stamp)
    }
    this.#compact()
  }

  /** A store let `count` entries go (taken, expired, evicted, cleared). */
  release (count = 1): void {
    this.#live -= count
  }

  /** Keeps the queue near the number of live entries, so forgotten entries cost nothing for long. */
  #compact (): void {
    const queued = this.#order.length - this.#head
    if (queued <= 2 * this.#live + 1024) return
    this.#order = this.#order.slice(this.#head).filter((charge) => charge.store.holdsCharged(charge.key, charge.stamp))
    this.#head = 0
  }
}
