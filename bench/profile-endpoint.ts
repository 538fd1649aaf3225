/**
 * `npx tsx bench/profile-endpoint.ts <name> [seconds]`: a CPU profile of one thing the bench
 * measures, to find what to change before changing it (issue 17). `<name>` is a bench request
 * (ping, helseindikator, fhir-read, ..., ehr-flow) profiled under its load after a warm-up, or
 * `cold-start`: the bundled sandbox's start-up to its first healthy answer. Prints the functions
 * with the most self time and where the .cpuprofile is (open it in Chrome's DevTools).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from './load.js'
import { topSelfTime, type CpuProfile } from './profile.js'
import { ROOT, startServer } from './server-process.js'
import { preflight, prepare } from './setup.js'

const SANDBOX_ENV = { ACCESS_TOKEN_LIFETIME: '3600' }

async function main (): Promise<void> {
  const name = process.argv[2] ?? 'ping'
  const seconds = Number(process.argv[3] ?? 7)
  const dir = mkdtempSync(join(tmpdir(), 'kj-prof-'))
  const cold = name === 'cold-start'
  // Cold start profiles what users run (the bundle); the load profiles name source files.
  const server = await startServer('sandbox', { env: SANDBOX_ENV, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`], unbundled: !cold, timeoutMs: 120_000 })
  let fromUs = 0
  try {
    if (!cold) {
      const endpoint = (await prepare(server.url)).find((e) => e.name === name)
      if (endpoint === undefined) throw new Error(`no bench request named ${name}`)
      await preflight(server.url, endpoint)
      endpoint.pool?.fill(Math.ceil(seconds * 3000) + 2000)
      await load(server.url, [endpoint], 50, 1.5)
      fromUs = Number(process.hrtime.bigint() / 1000n)
      const r = await load(server.url, [endpoint], 50, seconds)
      process.stdout.write(`${name}: ${r.requestsPerSec.toFixed(0)} req/s, ${r.non2xx} non-2xx, ${r.errors} errors (under the profiler)\n`)
    } else {
      process.stdout.write(`cold start: ${server.startMs.toFixed(0)} ms (under the profiler)\n`)
    }
  } finally {
    await server.stop()
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (file === undefined) throw new Error(`no .cpuprofile in ${dir}`)
  const cpu = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
  for (const p of topSelfTime(cpu, ROOT, 25, fromUs)) {
    process.stdout.write(`  ${(p.share * 100).toFixed(1).padStart(5)} %  ${p.selfMs.toFixed(0).padStart(6)} ms  ${p.fn}  ${p.where}\n`)
  }
  process.stdout.write(`profile: ${join(dir, file)}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exitCode = 1
})
