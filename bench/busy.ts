/**
 * Is the machine busy with work other than the bench? The load average counts the bench itself
 * (its load generator and the server under test keep about two cores busy), so it cannot tell;
 * the CPU time the whole machine spent (/proc/stat) minus what the bench's own processes spent
 * (/proc/<pid>/stat) can. A run with other work above the bound is not representative (issue 17).
 */
import { readFileSync } from 'node:fs'
import { statFields } from './proc-stat.js'

/** Other work above this many cores, on average over a run, makes the run unrepresentative. */
export const BUSY_OTHER_CORES = 0.25
/** USER_HZ: the unit of /proc's CPU times on Linux. */
const TICKS_PER_SECOND = 100

export interface CpuSnapshot {
  /** Busy CPU ticks of the whole machine (all but idle and iowait). */
  readonly machineTicks: number
  /** CPU ticks of the given processes and their exited children (user + system). */
  readonly ownTicks: number
  readonly atMs: number
}

function machineTicks (): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
  const fields = line.trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal (guest is inside user already)
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
  return user + nice + system + irq + softirq + steal
}

function processTicks (pid: number): number {
  try {
    const fields = statFields(pid)
    // utime stime, and cutime cstime: children that exited and were waited for (cold starts' servers).
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
  } catch {
    return 0
  }
}

/** undefined where there is no /proc (the bench then cannot judge and says so). */
export function cpuSnapshot (pids: readonly number[], nowMs: number): CpuSnapshot | undefined {
  try {
    return { machineTicks: machineTicks(), ownTicks: pids.reduce((sum, pid) => sum + processTicks(pid), 0), atMs: nowMs }
  } catch {
    return undefined
  }
}

/** Cores' worth of CPU that other processes used between two snapshots (never below 0). */
export function otherCores (before: CpuSnapshot, after: CpuSnapshot): number {
  const seconds = (after.atMs - before.atMs) / 1000
  if (seconds <= 0) return 0
  const other = (after.machineTicks - before.machineTicks) - (after.ownTicks - before.ownTicks)
  return Math.max(0, other / TICKS_PER_SECOND / seconds)
}

export function isBusy (cores: number | undefined): boolean {
  return cores !== undefined && cores > BUSY_OTHER_CORES
}
