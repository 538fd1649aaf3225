/**
 * Command-line flags as settings: `--public-url x`, `--public-url=x` and bare `--require-dpop`
 * become `PUBLIC_URL` etc. Its own module, without the settings' schema, so that the container
 * health check reads `--port` and `--host` exactly as `start` does (server/cli/healthcheck.ts).
 */
import { ConfigError } from './config-error.js'

/** Friendlier singular flags for settings that take a list. */
const ALIASES: Readonly<Record<string, string>> = { SCENARIO: 'SCENARIOS' }

/** With `known`, an option that names no setting is refused; without, every option is read. */
export function settingFlags (argv: readonly string[], known?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (!arg.startsWith('--')) throw new ConfigError(`Unexpected argument '${arg}'`)
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    const spelled = rawName.toUpperCase().replaceAll('-', '_')
    const name = ALIASES[spelled] ?? spelled
    if (known !== undefined && !known.has(name)) throw new ConfigError(`Unknown option --${rawName}`)
    let value = inline
    if (value === undefined) {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('--')) {
        value = next
        i++
      } else {
        value = 'true'
      }
    }
    // --scenario may be given several times; the values add up.
    out[name] = name === 'SCENARIOS' && out[name] !== undefined ? `${out[name]},${value}` : value
  }
  return out
}
