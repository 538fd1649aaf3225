/**
 * Remembers single-use identifiers (jti) until they expire, for the client-assertion and
 * DPoP-proof replay caches all sessions share (session.ts). Bounded: once the cap is reached, the
 * oldest ids go first. A map of id -> expiry and nothing else, because a busy client fills it: at
 * thousands of token requests a second every assertion's jti lives its 60 s, and the cap is
 * reached. The general ExpiringMap held an entry object and a boxed time per id, 5.1 MB for 50,000
 * ids against 1.8 MB here besides the ids themselves (issue 17, the memory target).
 */
export class ReplayGuard {
  /** id -> expiry, in ms after `#base`: small integers, which V8 stores in the map without boxing. */
  readonly #seen = new Map<string, number>()
  readonly #max: number
  /** The first `now` seen: the stored numbers stay small for weeks of uptime. */
  #base: number | undefined

  constructor (max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('a replay guard needs a positive cap')
    this.#max = max
  }

  /** Returns false when `id` was already used and has not expired yet; remembers it until `expiresAt`. */
  firstUse (id: string, expiresAt: number, now: number): boolean {
    const base = (this.#base ??= now)
    const at = now - base
    const previous = this.#seen.get(id)
    if (previous !== undefined) {
      if (previous > at) return false
      this.#seen.delete(id)
    }
    this.#sweep(at)
    if (this.#seen.size >= this.#max) this.#evict(at)
    this.#seen.set(id, expiresAt - base)
    return true
  }

  get size (): number {
    return this.#seen.size
  }

  clear (): void {
    this.#seen.clear()
  }

  /** Drops a few expired ids from the oldest end: ids mostly share a lifetime, so the oldest expire first. */
  #sweep (at: number): void {
    let budget = 4
    for (const [id, expiry] of this.#seen) {
      if (budget-- === 0 || expiry > at) return
      this.#seen.delete(id)
    }
  }

  #evict (at: number): void {
    for (const [id, expiry] of this.#seen) if (expiry <= at) this.#seen.delete(id)
    // Insertion order is age order, so the first ids are the oldest.
    for (const id of this.#seen.keys()) {
      if (this.#seen.size < this.#max) break
      this.#seen.delete(id)
    }
  }
}
