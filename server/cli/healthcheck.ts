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

/** What one check found: a 2xx, nothing listening on the port (yet), or anything else. */
export type HealthAnswer = 'up' | 'refused' | 'down'

/** One check of `/__admin/health`, answered within `timeoutMs`. */
export function healthAnswer (target: HealthTarget, timeoutMs = 2000): Promise<HealthAnswer> {
  return new Promise((resolve) => {
    const request = get({ host: target.host, port: target.port, path: '/__admin/health', timeout: timeoutMs }, (res) => {
      const status = res.statusCode ?? 0
      res.resume()
      resolve(status >= 200 && status < 300 ? 'up' : 'down')
    })
    request.on('timeout', () => { request.destroy() })
    request.on('error', (err: NodeJS.ErrnoException) => { resolve(err.code === 'ECONNREFUSED' ? 'refused' : 'down') })
  })
}

/** How long to wait for a port nobody listens on yet: `--wait <seconds>`, 0 to 10, 0 by default. */
export function healthWaitMs (argv: readonly string[]): number {
  const raw = settingFlags(argv).WAIT
  const seconds = raw === undefined ? 0 : Number(raw)
  if (raw === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > 10) {
    throw new ConfigError(`Invalid option --wait ${JSON.stringify(raw)}: expected seconds from 0 to 10`)
  }
  return Math.round(seconds * 1000)
}

/** Between two tries while the port is closed. */
const RETRY_MS = 100

/**
 * The verb: its exit code. Settings it cannot read throw ConfigError (one line, exit 2). With
 * `--wait`, a port nobody listens on yet is tried again until the wait is over: the image's check
 * passes as soon as a starting sandbox listens, not a check interval later. A sandbox that
 * answers badly or too slowly has started, so that fails at once.
 */
export async function healthcheck (env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): Promise<number> {
  const target = healthTarget(env, argv)
  // A duration on this machine, so the monotonic clock (the sandbox clock is about the sandbox's time).
  const deadline = performance.now() + healthWaitMs(argv)
  for (;;) {
    const answer = await healthAnswer(target)
    if (answer === 'up') return 0
    if (answer === 'down' || performance.now() + RETRY_MS > deadline) return 1
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}
