/**
 * The sandbox clock: wall time plus a settable offset. Everything the sandbox issues and later
 * judges (tokens, codes, tickets) is stamped and checked with `now()`, so QA can jump past an
 * expiry instead of waiting for it. This is the only module that reads the wall clock.
 */
/** Which clock judges the JWTs clients make (client assertions, DPoP proofs): CLIENT_JWT_CLOCK. */
export type ClientJwtClock = 'wall' | 'sandbox'

export interface Clock {
  /** Sandbox time, milliseconds since the epoch. */
  now(): number
  /** Sandbox time as a JWT NumericDate (whole seconds). */
  epochSeconds(): number
  /** Real time, for JWTs that clients stamp with their own clocks. */
  wallNow(): number
  /**
   * Seconds by the clock that judges client-made JWTs: real time by default, since clients stamp
   * them with their own clocks and never saw the sandbox's offset; sandbox time on request.
   */
  clientJwtSeconds(by: ClientJwtClock): number
  /** Moves sandbox time to `epochMs`; it keeps running from there. ClockRangeError, unchanged, when too far. */
  set(epochMs: number): void
  /** ClockRangeError, unchanged, when the clock would end up too far from wall time. */
  advance(ms: number): void
  reset(): void
  offsetMs(): number
}

/**
 * How far the sandbox clock may be moved from wall time: far beyond any expiry QA tests, well
 * inside what a Date can show. A move past it is refused and the clock stays where it was: an
 * offset of 1e300 hours once made every dashboard answer 500 (robustness probe, finding 6).
 */
export const MAX_CLOCK_OFFSET_MS = 1000 * 365.25 * 86_400_000

export class ClockRangeError extends RangeError {
  override name = 'ClockRangeError'
}

function checkedOffset (offset: number): number {
  if (!Number.isFinite(offset) || Math.abs(offset) > MAX_CLOCK_OFFSET_MS) {
    throw new ClockRangeError('the sandbox clock can move at most 1000 years from wall time')
  }
  return offset
}

export function createClock (wall: () => number = () => Date.now()): Clock {
  let offset = 0
  const clock: Clock = {
    now: () => wall() + offset,
    epochSeconds: () => Math.floor(clock.now() / 1000),
    wallNow: wall,
    clientJwtSeconds: (by) => Math.floor((by === 'wall' ? wall() : clock.now()) / 1000),
    set: (epochMs) => { offset = checkedOffset(epochMs - wall()) },
    advance: (ms) => { offset = checkedOffset(offset + ms) },
    reset: () => { offset = 0 },
    offsetMs: () => offset
  }
  return clock
}
