import t from 'tap'
import { coldStartOf, cycleRate, failuresOf, memoryOf, soakOf, startupFaultMs, summarise, type LoadRun } from '../../bench/results.js'

function run (name: string, requestsPerSec: number, extra: Partial<LoadRun> = {}): LoadRun {
  return {
    name,
    label: name === 'floor' ? 'floor' : `GET /${name}`,
    server: name === 'floor' ? 'floor' : 'sandbox',
    round: 1,
    requestsPerSec,
    p50: 2,
    p99: 8,
    requests: requestsPerSec * 10,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: { 200: requestsPerSec * 10 },
    rssMB: 80,
    seconds: 10,
    ...extra
  }
}

t.test('ratios divide by the median of the floor runs of the same bench run', async (t) => {
  const { floor, rows } = summarise([run('floor', 9000), run('ping', 6000), run('floor', 10_000), run('helseindikator', 2500), run('floor', 11_000)])
  t.equal(floor.median, 10_000)
  t.equal(floor.relative, 0.2)
  t.same(rows.map((r) => r.name), ['floor', 'ping', 'helseindikator'], 'one row per endpoint, in the order first run')
  const ping = rows.find((r) => r.name === 'ping')
  t.match(ping, { ratio: 0.6, met: true, target: '>= 0.5x', runs: 1 })
  t.match(rows.find((r) => r.name === 'helseindikator'), { ratio: 0.25, met: false }, '0.25 is under the 0.3 target')
  t.match(rows.find((r) => r.name === 'floor'), { met: null, target: '-', runs: 3 })
})

t.test('issue 17 sets no p99 bound: a slow p99 with enough throughput meets the target', async (t) => {
  const { rows } = summarise([run('floor', 1000), run('ci-read', 900, { p99: 12 })])
  t.match(rows[1], { met: true, p99: 12 })
})

t.test('failed requests fail the row, with or without a target', async (t) => {
  const { rows } = summarise([run('floor', 1000), run('ping', 900, { non2xx: 3 }), run('token', 100, { errors: 2, timeouts: 2 })])
  t.match(rows[1], { failures: 3, met: false })
  t.match(rows[2], { failures: 2, met: false }, 'timeouts are among the errors, counted once')
  t.equal(failuresOf({ non2xx: 1, errors: 0, timeouts: 4 }), 5)
})

t.test('several rounds: medians per endpoint, RSS of the last run', async (t) => {
  const { rows } = summarise([run('floor', 1000), run('ping', 500, { rssMB: 90, p99: 5 }), run('ping', 700, { rssMB: 95, p99: 9 }), run('ping', 600, { rssMB: 99, p99: 20 })])
  t.match(rows[1], { requestsPerSec: 600, p99: 9, rssMB: 99, runs: 3 })
})

t.test('cold start: medians and their ratio against twice the floor', async (t) => {
  t.match(coldStartOf([500, 450, 480], [240, 250, 260]), { ratio: 1.92, met: true, target: '<= 2x floor' })
  t.match(coldStartOf([900], [300]), { ratio: 3, met: false })
})

t.test('memory: small after the load and flat across the soak', async (t) => {
  const samples = [{ seconds: 0, rssMB: 100 }, { seconds: 5, rssMB: 130 }, { seconds: 10, rssMB: 108 }]
  const soak = soakOf(10, 2000, 0, samples)
  t.match(soak, { startMB: 100, endMB: 108, maxMB: 130, change: 0.08 })
  t.equal(memoryOf(100, soak).met, true)
  t.equal(memoryOf(100, soakOf(10, 2000, 0, [{ seconds: 0, rssMB: 100 }, { seconds: 10, rssMB: 111 }])).met, false, '+11 % is not flat')
  t.equal(memoryOf(151, null).met, false, 'over 150 MB after the load')
  t.equal(memoryOf(100, soakOf(10, 2000, 0, [{ seconds: 0, rssMB: 140 }, { seconds: 5, rssMB: 155 }, { seconds: 10, rssMB: 140 }])).met, false, 'over 150 MB during the soak')
  t.equal(memoryOf(100, soakOf(10, 2000, 4, samples)).met, false, 'a soak with failed requests proves nothing')
})

t.test('cycle rate of a mixed load: one cycle costs the sum of its requests\' times', async (t) => {
  const runs = [run('ping', 1000), run('ping', 800), run('token', 250), run('floor', 9000)]
  t.equal(cycleRate(runs, ['ping', 'token']), 200, '1 / (1/1000 + 1/250), the best run of each')
  t.equal(cycleRate(runs, ['ping', 'unmeasured']), 1000, 'a request never measured adds nothing')
  t.equal(cycleRate([], ['x']), 1000, 'nothing known: a generous default')
})

t.test('cold start keeps the median memory each server had touched, and prices the difference in page faults', async (t) => {
  const touched = {
    sandbox: [{ minorFaults: 17_000, anonMB: 58 }, { minorFaults: 18_000, anonMB: 60 }, { minorFaults: 16_000, anonMB: 56 }],
    floor: [{ minorFaults: 7000, anonMB: 22 }, { minorFaults: 7400, anonMB: 24 }, { minorFaults: 7200, anonMB: 23 }]
  }
  const cold = coldStartOf([600, 650, 700], [300, 320, 340], touched)
  t.same(cold.touched, { sandbox: { minorFaults: 17_000, anonMB: 58 }, floor: { minorFaults: 7200, anonMB: 23 } })
  t.equal(startupFaultMs(cold, 20), 35 * 256 * 20 / 1000, '35 MB more, 256 pages a MB, 20 µs a page: 179.2 ms')
  t.equal(startupFaultMs(cold, undefined), undefined, 'unknown page cost: no estimate')
  t.equal(coldStartOf([600], [300]).touched, undefined, 'no readings: no touched field')
  t.equal(startupFaultMs(coldStartOf([600], [300]), 20), undefined)
  t.equal(coldStartOf([600], [300], { sandbox: [], floor: [{ minorFaults: 1, anonMB: 1 }] }).touched, undefined, 'one side unknown: none')
  t.equal(startupFaultMs(coldStartOf([600], [300], { sandbox: [{ minorFaults: 1, anonMB: 10 }], floor: [{ minorFaults: 1, anonMB: 12 }] }), 20), 0, 'less than the floor is no cost')
})
