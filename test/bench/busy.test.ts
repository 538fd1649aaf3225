import t from 'tap'
import { BUSY_OTHER_CORES, cpuSnapshot, isBusy, otherCores } from '../../bench/busy.js'
import { representativeOf, type LoadRun } from '../../bench/results.js'

t.test('other work is the machine\'s CPU time minus the bench\'s own, per second of the run', async (t) => {
  // 10 s; the machine was busy 1500 ticks (15 core-seconds), the bench's processes 1200 of them.
  t.equal(otherCores({ machineTicks: 1000, ownTicks: 100, atMs: 0 }, { machineTicks: 2500, ownTicks: 1300, atMs: 10_000 }), 0.3)
  t.equal(otherCores({ machineTicks: 1000, ownTicks: 100, atMs: 0 }, { machineTicks: 1100, ownTicks: 250, atMs: 1000 }), 0, 'never below zero (ticks are sampled)')
  t.equal(otherCores({ machineTicks: 0, ownTicks: 0, atMs: 5 }, { machineTicks: 9, ownTicks: 0, atMs: 5 }), 0, 'no time, no rate')
  t.ok(isBusy(BUSY_OTHER_CORES + 0.01))
  t.notOk(isBusy(BUSY_OTHER_CORES))
  t.notOk(isBusy(undefined), 'unknown is not judged busy here; representativeOf says it could not be measured')
})

t.test('a snapshot reads /proc where there is one', { skip: process.platform !== 'linux' }, async (t) => {
  const s = cpuSnapshot([process.pid], 1)
  t.ok(s !== undefined && s.machineTicks > 0 && s.ownTicks > 0)
})

const base = { round: 1, requestsPerSec: 1000, p50: 1, p99: 2, requests: 1000, non2xx: 0, errors: 0, timeouts: 0, statusCodes: {}, seconds: 1, rssMB: 80 }
const run = (name: string, server: 'floor' | 'sandbox', otherCores?: number): LoadRun =>
  ({ ...base, name, label: name, server, ...(otherCores !== undefined && { otherCores }) })

t.test('a result is representative only when every run and the cold starts stayed under the bound', async (t) => {
  t.match(representativeOf([run('floor', 'floor', 0.1), run('ping', 'sandbox', 0.2)], 0.05, 0.25), { ok: true, reason: /at most 0.20/ })
  t.match(representativeOf([run('floor', 'floor', 0.1), run('ping', 'sandbox', 0.9)], 0.05, 0.25), { ok: false, reason: /ping 0.90/ })
  t.match(representativeOf([run('floor', 'floor', 0.1)], 0.5, 0.25), { ok: false, reason: /cold starts 0.50/ })
  t.match(representativeOf([run('floor', 'floor')], undefined, 0.25), { ok: false, reason: /could not be measured/ })
})
