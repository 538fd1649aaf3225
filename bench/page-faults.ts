/**
 * What fresh memory costs on this machine, and how much of it a server touched. The first write
 * to a freshly mapped anonymous page is a page fault, and its price varies by two orders of
 * magnitude between machines: well under a microsecond on bare metal, about 20 µs in the VM
 * these figures come from (bench/analysis.md, seventh pass). A server's start-up pays it for
 * every page of heap, stack and malloc'd memory it touches, so the cold-start ratio to the floor
 * moves with it; the bench records both, so a reader can tell the machine from the sandbox.
 */
import { readFileSync } from 'node:fs'
import { statFields } from './proc-stat.js'

export interface MemoryTouched {
  /** Minor page faults the process has taken since it started. */
  readonly minorFaults: number
  /** RssAnon: resident anonymous memory (heap, stacks, malloc), MB; the rest of VmRSS is files. */
  readonly anonMB: number
}

/** From /proc (Linux); undefined where there is none or the process is gone. */
export function memoryTouched (pid: number): MemoryTouched | undefined {
  try {
    // Field 10 of /proc/<pid>/stat is minflt.
    const minorFaults = Number(statFields(pid)[7])
    const anon = /^RssAnon:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    if (!Number.isFinite(minorFaults) || anon === null) return undefined
    return { minorFaults, anonMB: Number(anon[1]) / 1024 }
  } catch {
    return undefined
  }
}

const PAGE = 4096
/** Large enough that malloc maps it afresh (glibc's dynamic mmap threshold stops at 32 MB). */
const PROBE_BYTES = 40 * 1024 * 1024

/**
 * Microseconds the first write to a fresh anonymous 4 KB page costs, over a write to one already
 * resident: the median of `tries` probes of 40 MB, each written twice. Undefined when the probe
 * cannot tell (a first write as cheap as the second).
 */
export function freshPageMicros (tries = 3): number | undefined {
  const pages = PROBE_BYTES / PAGE
  const costs: number[] = []
  for (let i = 0; i < tries; i++) {
    // allocUnsafeSlow: no zero-fill by Node, so the fill below is the first touch of each page.
    const probe = Buffer.allocUnsafeSlow(PROBE_BYTES)
    let t = process.hrtime.bigint()
    probe.fill(i + 1)
    const first = Number(process.hrtime.bigint() - t)
    t = process.hrtime.bigint()
    probe.fill(i + 2)
    const again = Number(process.hrtime.bigint() - t)
    costs.push((first - again) / 1000 / pages)
  }
  costs.sort((a, b) => a - b)
  const median = costs[Math.floor(costs.length / 2)] ?? Number.NaN
  return median > 0 ? median : undefined
}
