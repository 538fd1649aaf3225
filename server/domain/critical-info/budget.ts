/**
 * One byte budget for the critical information of all sessions together. 64 MB per session times
 * MAX_SESSIONS is no bound when any peer with a token can open sessions and write (issue 18).
 * Records are the sessions' data, so nothing is evicted: past the budget, writes are refused
 * (KI-0016, as at a session's own limit) until sessions are reset, deleted or evicted.
 * Seeding and reading back stored sessions are charged but never refused.
 */

/** The default: 256 MiB of critical information (as JSON) across every session. */
export const DEFAULT_CRITICAL_INFO_BUDGET_BYTES = 256 * 1024 * 1024

export class CriticalInfoBudget {
  readonly maxBytes: number
  #used = 0

  constructor (maxBytes = DEFAULT_CRITICAL_INFO_BUDGET_BYTES) {
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new RangeError('the critical-information budget must be a positive number of bytes')
    this.maxBytes = maxBytes
  }

  get usedBytes (): number {
    return this.#used
  }

  /** Whether `bytes` more fit. */
  fits (bytes: number): boolean {
    return this.#used + bytes <= this.maxBytes
  }

  charge (bytes: number): void {
    this.#used += bytes
  }

  release (bytes: number): void {
    this.#used -= bytes
  }
}
