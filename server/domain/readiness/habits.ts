/**
 * Habits that are only visible across requests: asking HelseID for a new token while the last
 * one for the same client and audience is still valid, and calling helseindikator again for a
 * patient whose ticket is still valid. Each remembers the last expiry per key, in a bounded map
 * (the oldest key goes first), so a busy session cannot make it grow.
 */
const CAP = 10_000

class LastExpiry {
  readonly #expiry = new Map<string, number>()

  /**
   * Remembers `expiresAt` for `key`; true when an earlier one for the key was still valid for more
   * than `margin` seconds at `now` (renewing shortly before expiry is what clients should do).
   */
  seen (key: string, now: number, expiresAt: number, margin = 0): boolean {
    const previous = this.#expiry.get(key)
    this.#expiry.delete(key)
    this.#expiry.set(key, expiresAt)
    if (this.#expiry.size > CAP) this.#expiry.delete(this.#expiry.keys().next().value as string)
    return previous !== undefined && previous > now + margin
  }

  clear (): void {
    this.#expiry.clear()
  }
}

export class Habits {
  /** client id + grant + audience + subject -> expiry of the last access token (epoch s). */
  readonly tokens = new LastExpiry()
  /** organisation + patient + samtykke -> expiry of the last ticket (epoch s). */
  readonly tickets = new LastExpiry()

  clear (): void {
    this.tokens.clear()
    this.tickets.clear()
  }
}
