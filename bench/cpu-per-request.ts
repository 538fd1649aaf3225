/**
 * `npx tsx bench/cpu-per-request.ts [names] [seconds]`: CPU time the server process spends per
 * request (user + system, from /proc), for the floor and the named sandbox requests. Throughput
 * on two shared cores mixes the server's cost with the load generator's; CPU per request is the
 * server's own cost, so it shows what a change saved even when the machine is not quiet.
 */
import { statFields } from './proc-stat.js'
import { load } from './load.js'
import { startServer, type Running } from './server-process.js'
import { FLOOR, preflight, prepare, type Endpoint } from './setup.js'

const TICKS = 100

function cpuSeconds (pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat: utime, stime in ticks.
  const fields = statFields(pid)
  return (Number(fields[11]) + Number(fields[12])) / TICKS
}

async function measure (server: Running, endpoint: Endpoint, seconds: number): Promise<string> {
  await preflight(server.url, endpoint)
  endpoint.pool?.fill(Math.ceil(seconds * 3000) + 2000)
  await load(server.url, [endpoint], 50, 1)
  const before = cpuSeconds(server.pid)
  const r = await load(server.url, [endpoint], 50, seconds)
  const used = cpuSeconds(server.pid) - before
  const count = r.requests / (endpoint.sequence?.length ?? 1)
  return `${endpoint.name.padEnd(16)} ${r.requestsPerSec.toFixed(0).padStart(6)} req/s  ${(used * 1e6 / count).toFixed(0).padStart(5)} us CPU per request  (${r.non2xx} non-2xx)`
}

async function main (): Promise<void> {
  const names = (process.argv[2] ?? 'ping,helseindikator,ci-read').split(',')
  const seconds = Number(process.argv[3] ?? 3)
  const floor = await startServer('floor')
  try { process.stdout.write(`${await measure(floor, FLOOR, seconds)}\n`) } finally { await floor.stop() }
  const sandbox = await startServer('sandbox', { env: { ACCESS_TOKEN_LIFETIME: '3600' } })
  try {
    const endpoints = await prepare(sandbox.url)
    for (const name of names) {
      const endpoint = endpoints.find((e) => e.name === name)
      if (endpoint === undefined) throw new Error(`no bench request named ${name}`)
      process.stdout.write(`${await measure(sandbox, endpoint, seconds)}\n`)
    }
  } finally { await sandbox.stop() }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exitCode = 1
})
