/**
 * The targets of issue 7, as ratios to the floor measured in the same run at 50 connections.
 * The FHIR target applies to a read on either critical-information face.
 */
export interface Target {
  /** Least requests/s as a share of the floor's. */
  readonly minRatio?: number
  readonly maxP99Ms?: number
}

export const TARGETS: Readonly<Record<string, Target>> = {
  ping: { minRatio: 0.6, maxP99Ms: 10 },
  helseindikator: { minRatio: 0.45, maxP99Ms: 10 },
  'fhir-read': { minRatio: 0.4, maxP99Ms: 10 },
  'ci-read': { minRatio: 0.4, maxP99Ms: 10 }
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
