/**
 * Seeded randomness for what the sandbox varies on purpose (the extra field, scenario
 * probabilities), so a run with the same SEED and the same requests repeats exactly.
 * Secrets (keys, codes, jtis) never come from here: they use crypto.randomBytes.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  int(maxExclusive: number): number
  letters(length: number): string
}

/** mulberry32: tiny, fast, and good enough for test variation (not for secrets). */
export function seededRandom (seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive)
  return {
    next,
    int,
    letters: (length) => {
      // One string made once, not a string per letter (the same draws, so the same letters).
      const codes = new Array<number>(length)
      for (let i = 0; i < length; i++) codes[i] = 97 + int(26)
      return String.fromCharCode(...codes)
    }
  }
}
