/** Turns results into tables: padded text for the terminal, Markdown for docs/performance.md. */
import { startupFaultMs, type BenchResults, type ColdStart, type Memory, type Row } from './results.js'
import type { Spread } from './stats.js'

export type Cells = readonly (readonly string[])[]

export function fixed (value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-'
}

/**
 * A ratio with two decimals, or three where two would print the target's own number (0.295 as
 * "0.30" beside ">= 0.3x" and "NO" reads as a contradiction).
 */
export function ratioText (ratio: number, target: string): string {
  const text = fixed(ratio, 2)
  const bound = /([\d.]+)x/.exec(target)?.[1]
  return bound !== undefined && Number(text) === Number(bound) && ratio !== Number(bound) ? fixed(ratio, 3) : text
}

export function metText (met: boolean | null): string {
  return met === null ? '-' : met ? 'yes' : 'NO'
}

export function rangeText (s: Spread, digits: number, unit = ''): string {
  return `${fixed(s.median, digits)}${unit} (${fixed(s.min, digits)}-${fixed(s.max, digits)})`
}

export const LOAD_HEADER = ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'RSS MB', 'ratio to floor', 'failed', 'target', 'met?']

export function loadCells (rows: readonly Row[]): Cells {
  return [LOAD_HEADER, ...rows.map((r) => [
    r.label,
    fixed(r.requestsPerSec, 0),
    fixed(r.p50, 1),
    fixed(r.p99, 1),
    fixed(r.rssMB, 1),
    r.name === 'floor' ? '1.00' : ratioText(r.ratio, r.target),
    String(r.failures),
    r.target,
    metText(r.met)
  ])]
}

export function coldStartCells (c: ColdStart): Cells {
  return [
    ['cold start', 'median ms (min-max)', 'runs', 'ratio to floor', 'target', 'met?'],
    ['floor', rangeText(c.floor, 0), String(c.floor.n), '1.00', '-', '-'],
    ['sandbox', rangeText(c.sandbox, 0), String(c.sandbox.n), ratioText(c.ratio, c.target), c.target, metText(c.met)]
  ]
}

/**
 * One sentence on the memory each server had touched at its first healthy answer, and what the
 * sandbox's extra anonymous memory costs in page faults on this machine; undefined when unknown.
 */
export function startupMemoryText (c: ColdStart, pageFaultMicros: number | undefined): string | undefined {
  if (c.touched === undefined) return undefined
  const { floor, sandbox } = c.touched
  const cost = startupFaultMs(c, pageFaultMicros)
  return `At the first healthy answer (medians) the floor held ${fixed(floor.anonMB, 1)} MB of anonymous memory after ${floor.minorFaults} minor page faults, ` +
    `the sandbox ${fixed(sandbox.anonMB, 1)} MB after ${sandbox.minorFaults}.` +
    (cost !== undefined && pageFaultMicros !== undefined
      ? ` At ${fixed(pageFaultMicros, 2)} µs for each fresh 4 KB page on this machine, the sandbox's extra ${fixed(Math.max(0, sandbox.anonMB - floor.anonMB), 1)} MB ` +
        `cost about ${fixed(cost, 0)} ms of its start-up in page faults alone.`
      : '')
}

export function memoryCells (m: Memory): Cells {
  const s = m.soak
  return [
    ['memory (VmRSS)', 'after load MB', 'soak s', 'soak start MB', 'soak end MB', 'soak max MB', 'change', 'target', 'met?'],
    ['sandbox', fixed(m.afterLoadMB, 1), s === null ? '-' : String(s.seconds), s === null ? '-' : fixed(s.startMB, 1),
      s === null ? '-' : fixed(s.endMB, 1), s === null ? '-' : fixed(s.maxMB, 1),
      s === null ? '-' : `${s.change >= 0 ? '+' : ''}${fixed(s.change * 100, 1)} %`, m.target, metText(m.met)]
  ]
}

export function renderText (cells: Cells): string {
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: readonly string[]): string => row.map((cell, i) => i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)).join('  ').trimEnd()
  const [header, ...body] = cells
  if (header === undefined) return ''
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

export function renderMarkdown (cells: Cells): string {
  const [header, ...body] = cells
  if (header === undefined) return ''
  const escape = (cell: string): string => cell.replaceAll('|', '\\|')
  const line = (row: readonly string[]): string => `| ${row.map(escape).join(' | ')} |`
  return [line(header), `|${header.map((_, i) => i === 0 ? '---' : '---:').join('|')}|`, ...body.map(line)].join('\n')
}

/** Everything the terminal shows at the end of a run. */
export function textReport (results: BenchResults): string {
  const parts = [renderText(loadCells(results.rows)),
    `floor spread over ${results.floor.n} runs: ${rangeText(results.floor, 0, ' req/s')}, ${fixed(results.floor.relative * 100, 1)} % of the median`]
  if (results.coldStart !== null) {
    parts.push('', renderText(coldStartCells(results.coldStart)))
    const touched = startupMemoryText(results.coldStart, results.machine.pageFaultMicros)
    if (touched !== undefined) parts.push(touched)
  }
  parts.push('', renderText(memoryCells(results.memory)))
  if (results.representative !== undefined) parts.push('', `${results.representative.ok ? 'representative' : 'NOT REPRESENTATIVE'}: ${results.representative.reason}`)
  return parts.join('\n')
}
