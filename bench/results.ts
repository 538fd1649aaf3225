/** The shape of a bench run's results (bench/results/latest.json) and how runs become table rows. */
import type { LoadResult } from './load.js'
import type { MemoryTouched } from './page-faults.js'
import { change, median, ratio, spread, type Spread } from './stats.js'
import { TARGETS, COLD_START_MAX_RATIO, RSS_MAX_MB, SOAK_MAX_CHANGE, describeTarget, type Target } from './targets.js'

/** One time-bounded autocannon run against one endpoint: what load() measured, and where. */
export interface LoadRun extends LoadResult {
  readonly name: string
  readonly label: string
  readonly server: 'floor' | 'sandbox' | 'lean'
  readonly round: number
  /** VmRSS of the server process right after the run, MB. */
  readonly rssMB: number
  /** What producing the requests cost the load generator, when it did more than send them. */
  readonly generatorNote?: string
  /** Cores' worth of CPU that processes other than the bench used during the run (bench/busy.ts). */
  readonly otherCores?: number
}

export interface Row {
  readonly name: string
  readonly label: string
  readonly requestsPerSec: number
  readonly p50: number
  readonly p99: number
  readonly rssMB: number
  /** requests/s over the floor's median requests/s of the same bench run. */
  readonly ratio: number
  /** Failed requests: non-2xx answers, connection errors and timeouts, summed over the runs. */
  readonly failures: number
  readonly runs: number
  readonly target: string
  /** true / false against the target; null when the endpoint has none. */
  readonly met: boolean | null
}

export interface ColdStart {
  /** Milliseconds from spawn to the first 2xx of GET /__admin/health. */
  readonly sandbox: Spread
  readonly floor: Spread
  readonly sandboxRuns: readonly number[]
  readonly floorRuns: readonly number[]
  readonly ratio: number
  readonly target: string
  readonly met: boolean
  /** What each server had touched at its first healthy answer (medians); absent without /proc. */
  readonly touched?: { readonly sandbox: MemoryTouched, readonly floor: MemoryTouched }
}

export interface SoakSample { readonly seconds: number, readonly rssMB: number }

export interface Soak {
  readonly seconds: number
  readonly requestsPerSec: number
  readonly failures: number
  readonly samples: readonly SoakSample[]
  readonly startMB: number
  readonly endMB: number
  readonly maxMB: number
  /** (end - start) / start. */
  readonly change: number
}

export interface Memory {
  /** VmRSS after the whole load phase, before the soak, MB. */
  readonly afterLoadMB: number
  readonly soak: Soak | null
  readonly target: string
  readonly met: boolean
}

export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memoryGB: number
  readonly node: string
  readonly os: string
  readonly date: string
  /** 1-minute load average when the bench started and ended: other work on the machine shows here. */
  readonly loadBefore: number
  readonly loadAfter: number
  /** µs a first write to a fresh anonymous 4 KB page costs here (bench/page-faults.ts); absent when unknown. */
  readonly pageFaultMicros?: number
}

export interface Method {
  readonly connections: number
  readonly secondsPerRun: number
  readonly warmupSeconds: number
  readonly rounds: number
  readonly coldStartRuns: number
  readonly soakSeconds: number
  readonly notes: readonly string[]
}

export interface ProfileEntry { readonly fn: string, readonly where: string, readonly selfMs: number, readonly share: number }

export interface BenchResults {
  readonly machine: Machine
  readonly method: Method
  readonly floor: Spread
  readonly rows: readonly Row[]
  readonly runs: readonly LoadRun[]
  readonly coldStart: ColdStart | null
  readonly memory: Memory
  readonly profile: readonly ProfileEntry[] | null
  /** Whether other work on the machine left the figures alone; absent in runs before issue 17. */
  readonly representative?: Representative
  /** Every target met and no request failed. */
  readonly ok: boolean
}

export interface Representative {
  readonly ok: boolean
  /** Why not, or how it was judged. */
  readonly reason: string
}

/**
 * A run is representative when no measured run (after its reruns) nor the cold starts shared the
 * machine with more than `bound` cores of other work; unknown other work (no /proc) is not.
 */
export function representativeOf (runs: readonly LoadRun[], coldStartOtherCores: number | undefined, bound: number): Representative {
  const unknown = runs.filter((r) => r.otherCores === undefined)
  if (unknown.length > 0) return { ok: false, reason: 'other work on the machine could not be measured (no /proc)' }
  const busy = runs.filter((r) => (r.otherCores ?? 0) > bound)
  const parts = busy.map((r) => `${r.server === 'floor' ? 'floor' : r.name} ${(r.otherCores ?? 0).toFixed(2)}`)
  if (coldStartOtherCores !== undefined && coldStartOtherCores > bound) parts.unshift(`cold starts ${coldStartOtherCores.toFixed(2)}`)
  const worst = Math.max(0, ...runs.map((r) => r.otherCores ?? 0), coldStartOtherCores ?? 0)
  return parts.length === 0
    ? { ok: true, reason: `other work stayed at or under ${bound} cores in every run (at most ${worst.toFixed(2)})` }
    : { ok: false, reason: `other work on the machine exceeded ${bound} cores, after reruns, in: ${parts.join(', ')} (cores' worth of CPU)` }
}

export function failuresOf (run: Pick<LoadRun, 'non2xx' | 'errors' | 'timeouts'>): number {
  // autocannon counts timeouts among errors already; count them once.
  return run.non2xx + Math.max(run.errors, run.timeouts)
}

function judge (target: Target | undefined, rps: number, floorRps: number, p99: number, failures: number): boolean | null {
  if (failures > 0) return false
  if (target === undefined) return null
  const ratioOk = target.minRatio === undefined || ratio(rps, floorRps) >= target.minRatio
  const p99Ok = target.maxP99Ms === undefined || p99 <= target.maxP99Ms
  return ratioOk && p99Ok
}

/** One row per endpoint (the floor first), medians over its runs; ratios to the floor's median. */
export function summarise (runs: readonly LoadRun[]): { floor: Spread, rows: Row[] } {
  const floorRuns = runs.filter((r) => r.server === 'floor')
  const floor = spread(floorRuns.map((r) => r.requestsPerSec))
  const names = [...new Set(runs.map((r) => r.name))]
  const rows = names.map((name): Row => {
    const own = runs.filter((r) => r.name === name)
    const rps = median(own.map((r) => r.requestsPerSec))
    const p99 = median(own.map((r) => r.p99))
    const failures = own.reduce((sum, r) => sum + failuresOf(r), 0)
    const target = TARGETS[name]
    return {
      name,
      label: (own[0] as LoadRun).label,
      requestsPerSec: rps,
      p50: median(own.map((r) => r.p50)),
      p99,
      rssMB: (own[own.length - 1] as LoadRun).rssMB,
      ratio: ratio(rps, floor.median),
      failures,
      runs: own.length,
      target: describeTarget(target),
      met: judge(target, rps, floor.median, p99, failures)
    }
  })
  return { floor, rows }
}

function medianTouched (all: readonly MemoryTouched[]): MemoryTouched {
  return { minorFaults: median(all.map((m) => m.minorFaults)), anonMB: median(all.map((m) => m.anonMB)) }
}

export function coldStartOf (sandboxRuns: readonly number[], floorRuns: readonly number[],
  touched?: { readonly sandbox: readonly MemoryTouched[], readonly floor: readonly MemoryTouched[] }): ColdStart {
  const sandbox = spread(sandboxRuns)
  const floor = spread(floorRuns)
  const r = ratio(sandbox.median, floor.median)
  const known = touched !== undefined && touched.sandbox.length > 0 && touched.floor.length > 0
  return {
    sandbox,
    floor,
    sandboxRuns,
    floorRuns,
    ratio: r,
    target: `<= ${COLD_START_MAX_RATIO}x floor`,
    met: r <= COLD_START_MAX_RATIO,
    ...(known && { touched: { sandbox: medianTouched(touched.sandbox), floor: medianTouched(touched.floor) } })
  }
}

/**
 * The start-up time the sandbox's extra anonymous memory costs in page faults alone, ms: its
 * RssAnon over the floor's at the first healthy answer, in 4 KB pages, at this machine's price of
 * a fresh page. Undefined when either is unknown.
 */
export function startupFaultMs (c: ColdStart, pageFaultMicros: number | undefined): number | undefined {
  if (c.touched === undefined || pageFaultMicros === undefined) return undefined
  const extraPages = Math.max(0, c.touched.sandbox.anonMB - c.touched.floor.anonMB) * 256
  return extraPages * pageFaultMicros / 1000
}

export function soakOf (seconds: number, requestsPerSec: number, failures: number, samples: readonly SoakSample[]): Soak {
  const values = samples.map((s) => s.rssMB)
  const startMB = values[0] ?? Number.NaN
  const endMB = values[values.length - 1] ?? Number.NaN
  return { seconds, requestsPerSec, failures, samples, startMB, endMB, maxMB: values.length > 0 ? Math.max(...values) : Number.NaN, change: change(startMB, endMB) }
}

export function memoryOf (afterLoadMB: number, soak: Soak | null): Memory {
  const flat = soak === null || (Math.abs(soak.change) <= SOAK_MAX_CHANGE && soak.failures === 0)
  const small = afterLoadMB <= RSS_MAX_MB && (soak === null || soak.maxMB <= RSS_MAX_MB)
  return { afterLoadMB, soak, target: `<= ${RSS_MAX_MB} MB, soak change within ${SOAK_MAX_CHANGE * 100} %`, met: flat && small }
}

/**
 * Cycles per second when every connection sends the named requests in turn (the soak's mixed
 * load), from each request's best rate alone: 1 / (sum of seconds per request). The soak's token
 * requests come at this rate, one per cycle. 1000 when nothing is known.
 */
export function cycleRate (runs: readonly LoadRun[], names: readonly string[]): number {
  const secondsPerCycle = names.reduce((sum, name) => {
    const rates = runs.filter((r) => r.name === name && r.requestsPerSec > 0).map((r) => r.requestsPerSec)
    return sum + (rates.length > 0 ? 1 / Math.max(...rates) : 0)
  }, 0)
  return secondsPerCycle > 0 ? 1 / secondsPerCycle : 1000
}
