/**
 * `healthcheck`: exit 0 when a sandbox answers `/__admin/health` on PORT, 1 otherwise. Container
 * engines run it every half second while the sandbox starts (docker-compose.yml's
 * `start_interval`), and `compose up --wait` goes on when one passes, so it loads nothing but
 * node:http. Through the command line's main module (zod, Fastify, the whole sandbox) one check
 * took 0.41-0.54 s here; on its own it takes 0.17-0.22 s, most of it Node's own start.
 */
import { createRequire } from 'node:module'
import { ConfigError } from '../config-error.js'
import { settingFlags } from '../config-flags.js'
import { DEFAULT_HOST, DEFAULT_PORT } from '../listen-defaults.js'

// Required, not imported: node:http's ESM face reads every export, and its WebSocket and
// EventSource getters then load undici, about 40 ms of a check that takes 0.2 s.
const { get } = createRequire(import.meta.url)('node:http') as typeof import('node:http')

export interface HealthTarget {
  readonly host: string
  readonly port: number
}

/**
 * PORT and HOST as `start` reads them: `--port`/`--host` (with a space or `=`) win over the
 * environment, an empty value is unset. Other flags are the other settings, not needed here.
 */
export function healthTarget (env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): HealthTarget {
  const source: Record<string, string | undefined> = { PORT: env.PORT, HOST: env.HOST, ...settingFlags(argv) }
  const rawPort = source.PORT === undefined || source.PORT === '' ? undefined : source.PORT
  const port = rawPort === undefined ? DEFAULT_PORT : Number(rawPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`Invalid setting PORT=${JSON.stringify(rawPort)}: expected a whole number from 0 to 65535`)
  }
  const host = source.HOST === undefined || source.HOST === '' ? DEFAULT_HOST : source.HOST
  // A wildcard listen address is reached on the loopback interface.
  return { host: host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host, port }
}

/** Whether a sandbox answers 2xx on `/__admin/health` within `timeoutMs`. */
export function answersHealth (target: HealthTarget, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get({ host: target.host, port: target.port, path: '/__admin/health', timeout: timeoutMs }, (res) => {
      const status = res.statusCode ?? 0
      res.resume()
      resolve(status >= 200 && status < 300)
    })
    request.on('timeout', () => { request.destroy() })
    request.on('error', () => { resolve(false) })
  })
}

/** The verb: its exit code. Settings it cannot read throw ConfigError (one line, exit 2). */
export async function healthcheck (env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): Promise<number> {
  return await answersHealth(healthTarget(env, argv)) ? 0 : 1
}
