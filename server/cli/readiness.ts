/**
 * `kjernejournal-sandbox readiness [--url <base>] [--session <id>] [--fail-on will-fail|deprecated|unconfirmed|none]
 * [--junit <file>] [--admin-token <token>]`: fetches a running sandbox's readiness report for a
 * session, prints one line per finding and the checklist's gaps, writes JUnit XML if asked, and
 * exits 1 when a finding of the chosen severity or worse was recorded (default: will-fail), so a
 * CI job fails where the EHR would fail at NHN. Exit 2 for usage errors or no sandbox.
 */
import { writeFile } from 'node:fs/promises'
import { loadConfig } from '../config.js'
import { SEVERITIES, type Severity } from '../domain/readiness/catalogue.js'
import { failsOn, type ReadinessReport } from '../domain/readiness/report.js'

export interface ReadinessIo {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  readonly env: Record<string, string | undefined>
  readonly write: (file: string, text: string) => Promise<void>
  readonly fetch: (url: string, init: { headers: Record<string, string>, signal: AbortSignal }) => Promise<{ status: number, text: () => Promise<string> }>
}

const FLAGS = ['url', 'session', 'fail-on', 'junit', 'admin-token'] as const
type Flag = typeof FLAGS[number]

const defaultIo: ReadinessIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  write: async (file, text) => { await writeFile(file, text) },
  fetch: async (url, init) => fetch(url, init)
}

function parseFlags (argv: readonly string[]): Partial<Record<Flag, string>> | string {
  const out: Partial<Record<Flag, string>> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [name, inline] = arg.replace(/^--/, '').split(/=(.*)/s, 2) as [string, string | undefined]
    if (!arg.startsWith('--') || !(FLAGS as readonly string[]).includes(name)) return `unknown option '${arg}' (readiness takes ${FLAGS.map((f) => `--${f}`).join(', ')})`
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') return `--${name} needs a value`
    out[name as Flag] = value
  }
  if (out['fail-on'] !== undefined && out['fail-on'] !== 'none' && !(SEVERITIES as readonly string[]).includes(out['fail-on'])) {
    return `--fail-on is one of ${SEVERITIES.join(', ')} or none`
  }
  if (out.session !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(out.session)) return '--session is 1-64 letters, digits, _ or -'
  return out
}

async function fetchText (io: ReadinessIo, url: string, headers: Record<string, string>): Promise<{ status: number, text: string }> {
  const res = await io.fetch(url, { headers, signal: AbortSignal.timeout(5000) })
  return { status: res.status, text: await res.text() }
}

export async function readinessCommand (argv: readonly string[], io: ReadinessIo = defaultIo): Promise<number> {
  const flags = parseFlags(argv)
  if (typeof flags === 'string') {
    io.err(`kjernejournal-sandbox readiness: ${flags}`)
    return 2
  }
  const base = (flags.url ?? `http://127.0.0.1:${loadConfig(io.env).PORT}`).replace(/\/+$/, '')
  const headers: Record<string, string> = {
    ...(flags.session !== undefined && { 'x-sandbox-session': flags.session }),
    ...(flags['admin-token'] !== undefined && { authorization: `Bearer ${flags['admin-token']}` })
  }
  let report: ReadinessReport
  let junit: string | undefined
  try {
    const json = await fetchText(io, `${base}/__admin/readiness`, headers)
    if (json.status !== 200) {
      io.err(`kjernejournal-sandbox readiness: ${base}/__admin/readiness answered ${json.status}: ${json.text.slice(0, 300)}`)
      return 2
    }
    report = JSON.parse(json.text) as ReadinessReport
    if (flags.junit !== undefined) junit = (await fetchText(io, `${base}/__admin/readiness?format=junit`, headers)).text
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name
    io.err(`kjernejournal-sandbox readiness: no sandbox answers at ${base} (${cause}); start one or pass --url`)
    return 2
  }
  io.out(`session ${report.session} (${report.profile}): ${report.verdict}; ${report.counts['will-fail']} will-fail, ${report.counts.deprecated} deprecated, ${report.counts.unconfirmed} unconfirmed`)
  for (const f of report.findings) io.out(`  ${f.severity.padEnd(11)} ${f.id} x${f.count} (events ${f.firstEventId} .. ${f.lastEventId}): ${f.fix}`)
  const unmet = report.checklist.filter((item) => !item.met)
  io.out(`checklist: ${report.checklist.length - unmet.length} of ${report.checklist.length} met${unmet.length > 0 ? `; not yet: ${unmet.map((i) => i.id).join(', ')}` : ''}`)
  if (flags.junit !== undefined && junit !== undefined) {
    try {
      await io.write(flags.junit, junit)
    } catch (err) {
      io.err(`kjernejournal-sandbox readiness: cannot write ${flags.junit}: ${(err as Error).message}`)
      return 2
    }
  }
  const threshold = flags['fail-on'] ?? 'will-fail'
  if (threshold !== 'none' && failsOn(report, threshold as Severity)) {
    io.err(`kjernejournal-sandbox readiness: findings of severity ${threshold} or worse: this EHR would fail at NHN (see above)`)
    return 1
  }
  return 0
}
