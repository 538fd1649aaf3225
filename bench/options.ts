/** Bench options from flags (`--duration 10`) and the environment (`BENCH_DURATION=10`); flags win. */

export interface BenchOptions {
  /** Seconds each measured run lasts. */
  readonly duration: number
  /** Seconds of unmeasured load before each run, so the JIT and caches are warm. */
  readonly warmup: number
  readonly connections: number
  /** Seconds of mixed load while RSS is sampled; 0 skips the soak. */
  readonly soak: number
  /** How many times the whole floor/endpoint sequence repeats. */
  readonly rounds: number
  /** Cold starts of each server (alternated); 0 skips them. */
  readonly coldRuns: number
  /** Folder for latest.json and performance.md; undefined: bench/results and docs/. */
  readonly out: string | undefined
  /** Also record a CPU profile of the sandbox under the ping load. */
  readonly profile: boolean
  readonly quick: boolean
  /** Only these sandbox requests (names as in the table's rows); empty: all. */
  readonly only: readonly string[]
}

export const FULL: BenchOptions = { duration: 7, warmup: 1.5, connections: 50, soak: 40, rounds: 3, coldRuns: 9, out: undefined, profile: false, quick: false, only: [] }
export const QUICK: BenchOptions = { duration: 2, warmup: 0.5, connections: 50, soak: 5, rounds: 1, coldRuns: 2, out: undefined, profile: false, quick: true, only: [] }

export const USAGE = `Usage: npm run bench -- [options]

  --quick              a few seconds per run (CI smoke): ${QUICK.duration} s runs, ${QUICK.soak} s soak
  --duration <s>       seconds per measured run (BENCH_DURATION, default ${FULL.duration})
  --warmup <s>         unmeasured seconds before each run (BENCH_WARMUP, default ${FULL.warmup})
  --connections <n>    concurrent connections (BENCH_CONNECTIONS, default ${FULL.connections})
  --soak <s>           seconds of mixed load while RSS is sampled, 0 to skip (BENCH_SOAK, default ${FULL.soak})
  --rounds <n>         repeat the floor/endpoint sequence (BENCH_ROUNDS, default ${FULL.rounds})
  --cold-runs <n>      cold starts of each server, 0 to skip (BENCH_COLD_RUNS, default ${FULL.coldRuns})
  --out <dir>          write latest.json and performance.md there instead of bench/results and docs (BENCH_OUT)
  --only <names>       only these requests, comma-separated: ping, helseindikator, fhir-read, fhir-search,
                       ci-read, ci-search, token, ehr-flow (BENCH_ONLY; default all)
  --profile            also record a CPU profile (node --cpu-prof) of the sandbox under the ping load (BENCH_PROFILE=1)
  --help               this text
`

export class OptionsError extends Error {
  override name = 'OptionsError'
}

const NUMERIC = {
  duration: { flag: '--duration', env: 'BENCH_DURATION', min: 0.5, integer: false },
  warmup: { flag: '--warmup', env: 'BENCH_WARMUP', min: 0, integer: false },
  connections: { flag: '--connections', env: 'BENCH_CONNECTIONS', min: 1, integer: true },
  soak: { flag: '--soak', env: 'BENCH_SOAK', min: 0, integer: false },
  rounds: { flag: '--rounds', env: 'BENCH_ROUNDS', min: 1, integer: true },
  coldRuns: { flag: '--cold-runs', env: 'BENCH_COLD_RUNS', min: 0, integer: true }
} as const

type NumericKey = keyof typeof NUMERIC

function number (text: string, name: string, min: number, integer: boolean): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new OptionsError(`${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, not '${text}'`)
  }
  return value
}

/** Parses argv (without node and script) and env; throws OptionsError on anything unknown or malformed. */
export function parseOptions (argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): BenchOptions | 'help' {
  const flags = new Map<string, string>()
  const switches = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') return 'help'
    if (arg === '--quick' || arg === '--profile') {
      switches.add(arg)
      continue
    }
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined]
    const known = name === '--out' || name === '--only' || Object.values(NUMERIC).some((n) => n.flag === name)
    if (!known) throw new OptionsError(`unknown option '${arg}'`)
    const value = inline ?? argv[++i]
    if (value === undefined) throw new OptionsError(`${name} needs a value`)
    flags.set(name, value)
  }
  const quick = switches.has('--quick') || env.BENCH_QUICK === '1'
  const base = quick ? QUICK : FULL
  const numbers = {} as Record<NumericKey, number>
  for (const key of Object.keys(NUMERIC) as NumericKey[]) {
    const spec = NUMERIC[key]
    const text = flags.get(spec.flag) ?? env[spec.env]
    numbers[key] = text === undefined ? base[key] : number(text, flags.has(spec.flag) ? spec.flag : spec.env, spec.min, spec.integer)
  }
  const out = flags.get('--out') ?? (env.BENCH_OUT !== undefined && env.BENCH_OUT !== '' ? env.BENCH_OUT : undefined)
  const only = (flags.get('--only') ?? env.BENCH_ONLY ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '')
  return { ...numbers, out, profile: switches.has('--profile') || env.BENCH_PROFILE === '1', quick, only }
}
