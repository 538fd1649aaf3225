/** Small statistics for the bench: medians, ranges, spreads and ratios, with no I/O. */

export function median (values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] as number : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
  /** (max - min) / median: how far apart repeated runs of the same thing landed. */
  readonly relative: number
  readonly n: number
}

export function spread (values: readonly number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, relative: Number.NaN, n: 0 }
  const med = median(values)
  const min = Math.min(...values)
  const max = Math.max(...values)
  return { median: med, min, max, relative: med === 0 ? Number.NaN : (max - min) / med, n: values.length }
}

/** a / b, or NaN when b is not a positive number (a ratio to a floor that did not run). */
export function ratio (a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN
}

/** Relative change from the first to the second value, e.g. 0.05 for +5 %. */
export function change (from: number, to: number): number {
  return from > 0 ? (to - from) / from : Number.NaN
}
