/**
 * A map whose entries expire and whose size is capped, for replay caches, codes and pending
 * requests. Bounded on purpose: a client that floods the sandbox with unique jtis must not grow
 * memory without limit, so the oldest entries go first once the cap is reached. A per-session map
 * also charges an EntryPool shared by all sessions, so the bound holds across sessions too.
 */
import type { EntryPool, PooledStore } from './entry-pool.js'

interface Entry<V> { value: V, expiresAt: number, stamp: number }

export class ExpiringMap<K, V> implements PooledStore {
  readonly #entries = new Map<K, Entry<V>>()
  readonly #max: number
  #pool: EntryPool | undefined

  constructor (max: number, pool?: EntryPool) {
    this.#max = max
    this.#pool = pool
  }

  get size (): number {
    return this.#entries.size
  }

  set (key: K, value: V, expiresAt: number, now: number): void {
    this.#remove(key)
    this.#sweep(now)
    if (this.#entries.size >= this.#max) this.#evict(now)
    const stamp = this.#pool?.stamp() ?? 0
    this.#entries.set(key, { value, expiresAt, stamp })
    this.#pool?.charge(this, key, stamp)
  }

  get (key: K, now: number): V | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= now) {
      this.#remove(key)
      return undefined
    }
    return entry.value
  }

  /** Returns and removes the entry: for things that may be used once. */
  take (key: K, now: number): V | undefined {
    const value = this.get(key, now)
    this.#remove(key)
    return value
  }

  delete (key: K): void {
    this.#remove(key)
  }

  clear (): void {
    this.#pool?.release(this.#entries.size)
    this.#entries.clear()
  }

  /** The session is gone: its entries leave the shared pool, and later writes stay its own. */
  retire (): void {
    this.clear()
    this.#pool = undefined
  }

  values (now: number): V[] {
    const out: V[] = []
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#remove(key)
      else out.push(entry.value)
    }
    return out
  }

  dropCharged (key: unknown, stamp: number): boolean {
    if (!this.holdsCharged(key, stamp)) return false
    return this.#remove(key as K)
  }

  holdsCharged (key: unknown, stamp: number): boolean {
    return this.#entries.get(key as K)?.stamp === stamp
  }

  #remove (key: K): boolean {
    if (!this.#entries.delete(key)) return false
    this.#pool?.release()
    return true
  }

  /**
   * Drops expired entries from the oldest end, a few per call: most entries of one map share a
   * lifetime, so the oldest expire first, and a steady flow keeps the map at its live size
   * instead of filling it to the cap before anything goes.
   */
  #sweep (now: number): void {
    let budget = 4
    for (const [key, entry] of this.#entries) {
      if (budget-- === 0 || entry.expiresAt > now) return
      this.#remove(key)
    }
  }

  #evict (now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#remove(key)
    }
    // Insertion order is age order, so the first keys are the oldest.
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.#max) break
      this.#remove(key)
    }
  }
}
