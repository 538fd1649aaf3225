/**
 * A map whose entries expire and whose size is capped, for replay caches, codes and pending
 * requests. Bounded on purpose: a client that floods the sandbox with unique jtis must not grow
 * memory without limit, so the oldest entries go first once the cap is reached.
 */
export class ExpiringMap<K, V> {
  readonly #entries = new Map<K, { value: V, expiresAt: number }>()
  readonly #max: number

  constructor (max: number) {
    this.#max = max
  }

  get size (): number {
    return this.#entries.size
  }

  set (key: K, value: V, expiresAt: number, now: number): void {
    this.#entries.delete(key)
    this.#sweep(now)
    if (this.#entries.size >= this.#max) this.#evict(now)
    this.#entries.set(key, { value, expiresAt })
  }

  get (key: K, now: number): V | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= now) {
      this.#entries.delete(key)
      return undefined
    }
    return entry.value
  }

  /** Returns and removes the entry: for things that may be used once. */
  take (key: K, now: number): V | undefined {
    const value = this.get(key, now)
    this.#entries.delete(key)
    return value
  }

  delete (key: K): void {
    this.#entries.delete(key)
  }

  clear (): void {
    this.#entries.clear()
  }

  values (now: number): V[] {
    const out: V[] = []
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key)
      else out.push(entry.value)
    }
    return out
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
      this.#entries.delete(key)
    }
  }

  #evict (now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key)
    }
    // Insertion order is age order, so the first keys are the oldest.
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.#max) break
      this.#entries.delete(key)
    }
  }
}

/** Remembers single-use identifiers (jti) until they expire. */
export class ReplayGuard {
  readonly #seen: ExpiringMap<string, true>

  constructor (max: number) {
    this.#seen = new ExpiringMap(max)
  }

  /** Returns false when `id` was already used and has not expired yet. */
  firstUse (id: string, expiresAt: number, now: number): boolean {
    if (this.#seen.get(id, now) !== undefined) return false
    this.#seen.set(id, true, expiresAt, now)
    return true
  }

  get size (): number {
    return this.#seen.size
  }

  clear (): void {
    this.#seen.clear()
  }
}
