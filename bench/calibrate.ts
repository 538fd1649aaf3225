/**
 * `npx tsx bench/calibrate.ts [spins] [seconds]`: what a given amount of work per request costs
 * in the bench's ratio on this machine. The floor is run with FLOOR_SPIN_US microseconds of busy
 * work added to each request (0, 10, 20, 30, 40, 60 by default) under the bench's own load, and
 * each rate is shown as a ratio to the floor without it. A target such as "ping >= 0.5x" reads
 * as "at most this much work per request" (bench/analysis.md): on two shared cores a server
 * slower than its load generator also pays for waking it on every answer.
 */
import { load } from './load.js'
import { startServer } from './server-process.js'
import { FLOOR, preflight } from './setup.js'

async function rate (spinUs: number, seconds: number): Promise<number> {
  const server = await startServer('floor', { env: { FLOOR_SPIN_US: String(spinUs) } })
  try {
    await preflight(server.url, FLOOR)
    await load(server.url, [FLOOR], 50, 1)
    return (await load(server.url, [FLOOR], 50, seconds)).requestsPerSec
  } finally {
    await server.stop()
  }
}

async function main (): Promise<void> {
  const spins = (process.argv[2] ?? '0,10,20,30,40,60').split(',').map(Number)
  const seconds = Number(process.argv[3] ?? 4)
  if (spins.some((s) => !Number.isFinite(s) || s < 0) || !(seconds > 0)) throw new Error('usage: calibrate.ts [spins in microseconds, comma-separated] [seconds]')
  const base = await rate(0, seconds)
  process.stdout.write(`added work  req/s  ratio\n      0 us  ${base.toFixed(0).padStart(5)}   1.00\n`)
  for (const spin of spins.filter((s) => s > 0)) {
    const r = await rate(spin, seconds)
    process.stdout.write(`${String(spin).padStart(7)} us  ${r.toFixed(0).padStart(5)}   ${(r / base).toFixed(2)}\n`)
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
})
