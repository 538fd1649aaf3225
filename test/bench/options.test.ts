import t from 'tap'
import { FULL, OptionsError, parseOptions, QUICK } from '../../bench/options.js'

t.test('defaults: the full run, or the quick one', async (t) => {
  t.same(parseOptions([], {}), FULL)
  t.same(parseOptions(['--quick'], {}), { ...QUICK, quick: true })
  t.equal((parseOptions([], { BENCH_QUICK: '1' }) as typeof FULL).duration, QUICK.duration)
  t.equal(parseOptions(['--help'], {}), 'help')
})

t.test('flags and environment; flags win; --name=value works too', async (t) => {
  const o = parseOptions(['--duration', '12', '--connections=20', '--out', '/tmp/x', '--profile', '--only', 'ping, token'], { BENCH_DURATION: '3', BENCH_SOAK: '0' })
  t.match(o, { duration: 12, connections: 20, soak: 0, out: '/tmp/x', profile: true, only: ['ping', 'token'] })
  t.match(parseOptions([], { BENCH_OUT: '/tmp/y', BENCH_PROFILE: '1', BENCH_COLD_RUNS: '0' }), { out: '/tmp/y', profile: true, coldRuns: 0 })
  t.match(parseOptions(['--quick', '--soak', '20'], {}), { quick: true, duration: QUICK.duration, soak: 20 }, 'quick sets defaults, flags still override')
})

t.test('unknown options and bad values are refused, naming what was wrong', async (t) => {
  t.throws(() => parseOptions(['--fast'], {}), new OptionsError("unknown option '--fast'"))
  t.throws(() => parseOptions(['--duration'], {}), /--duration needs a value/)
  t.throws(() => parseOptions(['--connections', '2.5'], {}), /--connections must be an integer >= 1/)
  t.throws(() => parseOptions([], { BENCH_DURATION: 'ten' }), /BENCH_DURATION must be a number >= 0.5, not 'ten'/)
  t.throws(() => parseOptions(['--rounds', '0'], {}), /--rounds must be an integer >= 1/)
})
