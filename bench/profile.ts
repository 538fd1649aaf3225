/** Reads a V8 .cpuprofile (node --cpu-prof) into the functions with the most self time. */
import type { ProfileEntry } from './results.js'

interface CallFrame { functionName: string, url: string, lineNumber: number, columnNumber?: number }
interface ProfileNode { id: number, callFrame: CallFrame, hitCount?: number }
export interface CpuProfile { nodes: ProfileNode[], samples?: number[], timeDeltas?: number[], startTime: number, endTime: number }

/** A short place for a script URL: the package inside node_modules, or the path under the root. */
export function shortWhere (url: string, line: number, root: string): string {
  if (url === '') return ''
  let path = url.replace(/^file:\/\//, '')
  const modules = path.lastIndexOf('/node_modules/')
  if (modules >= 0) path = path.slice(modules + '/node_modules/'.length)
  else if (root !== '' && path.startsWith(root)) path = path.slice(root.length).replace(/^\//, '')
  // lineNumber is 0-based in V8 profiles.
  return `${path}:${line + 1}`
}

/**
 * Self time per function (summed over its call sites), the largest first. With `fromUs` (a
 * CLOCK_MONOTONIC time in microseconds, the clock V8 stamps samples with on Linux) only samples
 * from then on count, so start-up does not crowd the hot path out of the list.
 */
export function topSelfTime (profile: CpuProfile, root: string, limit = 15, fromUs = 0): ProfileEntry[] {
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  const selfUs = new Map<number, number>()
  let at = profile.startTime
  // A sample lasts until the next one: V8 records the delta before each sample.
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0
    if (at < fromUs) continue
    const us = deltas[i + 1] ?? 0
    const id = samples[i] as number
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(us, 0))
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
  const byFunction = new Map<string, ProfileEntry>()
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0
    if (us === 0) continue
    const fn = node.callFrame.functionName === '' ? '(anonymous)' : node.callFrame.functionName
    const where = shortWhere(node.callFrame.url, node.callFrame.lineNumber, root)
    const key = `${fn}@${where}`
    const before = byFunction.get(key)
    const selfMs = (before?.selfMs ?? 0) + us / 1000
    byFunction.set(key, { fn, where, selfMs, share: total > 0 ? selfMs * 1000 / total : 0 })
  }
  return [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, limit)
}
