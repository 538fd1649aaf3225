/**
 * The targets of issue 17 (they replace issue 7's), as ratios to the floor measured in the same
 * run at 50 connections. The FHIR target applies to a read on either critical-information face.
 * Issue 17 sets no p99 bound: at 50 connections on a shared machine the floor's own p99 misses it.
 */
export interface Target {
  /** Least requests/s as a share of the floor's. */
  readonly minRatio?: number
  readonly maxP99Ms?: number
}

export const TARGETS: Readonly<Record<string, Target>> = {
  ping: { minRatio: 0.5 },
  helseindikator: { minRatio: 0.3 },
  'fhir-read': { minRatio: 0.3 },
  'ci-read': { minRatio: 0.3 }
}

/** Cold start of the sandbox at most this many times the floor's. */
export const COLD_START_MAX_RATIO = 2
/** Resident memory after the load, and during the soak. */
export const RSS_MAX_MB = 150
/** The soak's end RSS within this share of its start RSS. */
export const SOAK_MAX_CHANGE = 0.10

export function describeTarget (target: Target | undefined): string {
  if (target === undefined) return '-'
  const parts: string[] = []
  if (target.minRatio !== undefined) parts.push(`>= ${target.minRatio}x`)
  if (target.maxP99Ms !== undefined) parts.push(`p99 <= ${target.maxP99Ms} ms`)
  return parts.join(', ')
}
