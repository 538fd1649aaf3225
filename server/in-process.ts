/**
 * `startSandbox()`: the sandbox for JavaScript/TypeScript test suites, started in the test
 * process on a free port and driven through a small typed handle. Every call goes over HTTP with
 * the global fetch to the listening server, never through inject(), so tests exercise exactly
 * what an EHR or a curl script gets.
 */
import { createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { configSchema, loadConfig } from './config.js'

/** Settings as environment variables spell them: `{ SEED: '7', SCENARIOS: 'slow-network' }`. */
export type SandboxSettings = Partial<Record<keyof typeof configSchema.shape, string>>

export interface StartSandboxOptions {
  /** Settings in their environment form; PORT, HOST and PUBLIC_URL are filled in unless given. */
  readonly settings?: SandboxSettings
  /** 0 (default): a free port, chosen before start because the issuer URL contains it. */
  readonly port?: number
  /** Interface to bind; default 127.0.0.1, so a test run opens nothing on the network. */
  readonly host?: string
  /** A session id: `url` and `issuer` become `<base>/s/<session>` and every call is that session's. */
  readonly session?: string
}

export interface SandboxClock {
  readonly now: string
  readonly offsetMs: number
}

export interface SandboxHandle {
  /** Base URL to point the EHR at (with `/s/<session>` when a session was given). */
  readonly url: string
  /** The HelseID issuer the EHR sees at that URL (`iss` of its tokens). */
  readonly issuer: string
  /** A test-token-service access token; system token with default client claims unless `request` says more. */
  token (request?: Record<string, unknown>): Promise<string>
  activateScenario (name: string): Promise<void>
  deactivateScenario (name: string): Promise<void>
  /** The request journal, newest first; filters as `GET /__admin/requests` takes them. */
  requests (filter?: Record<string, string>): Promise<Array<Record<string, unknown>>>
  setClock (now: Date | string): Promise<SandboxClock>
  advanceClock (by: { seconds?: number, minutes?: number, hours?: number }): Promise<SandboxClock>
  /** Back to the fixtures: critical information, clock, scenarios and journal of the session. */
  reset (): Promise<void>
  close (): Promise<void>
}

async function freePort (host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function urlHost (host: string): string {
  // A wildcard bind is reached through loopback; IPv6 literals need brackets in a URL.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
  return reachable.includes(':') ? `[${reachable}]` : reachable
}

export async function startSandbox (options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const settings = options.settings ?? {}
  const host = options.host ?? settings.HOST ?? '127.0.0.1'
  const requested = options.port ?? Number(settings.PORT ?? 0)
  const port = requested === 0 ? await freePort(host) : requested
  const base = (settings.PUBLIC_URL ?? `http://${urlHost(host)}:${port}`).replace(/\/+$/, '')
  const config = loadConfig({ ...settings, PORT: String(port), HOST: host, PUBLIC_URL: base, LOG_LEVEL: settings.LOG_LEVEL ?? 'warn' })
  const app: FastifyInstance = await buildApp(config)
  try {
    await app.listen({ port, host })
  } catch (err) {
    await app.close()
    throw err
  }

  const session = options.session
  const url = session === undefined ? base : `${base}/s/${encodeURIComponent(session)}`
  const adminHeaders: Record<string, string> = config.ADMIN_TOKEN === undefined ? {} : { authorization: `Bearer ${config.ADMIN_TOKEN}` }

  async function call (method: string, path: string, body?: unknown, admin = true): Promise<unknown> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(admin && adminHeaders), ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) })
    })
    const text = await res.text()
    const json: unknown = text === '' ? undefined : JSON.parse(text)
    if (!res.ok && !(path.startsWith('/v2/') && json !== undefined)) {
      const message = (json as { message?: string } | undefined)?.message ?? text
      throw new Error(`kjernejournal-sandbox: ${method} ${path} answered ${res.status}: ${message}`)
    }
    return json
  }

  let closed: Promise<void> | undefined
  return {
    url,
    issuer: url,
    async token (request = {}) {
      const answer = await call('POST', '/v2/create-test-token-with-key', { audience: 'nhn:kjernejournal', withoutDefaultUserClaims: true, ...request }, false) as {
        isError: boolean, successResponse: { accessTokenJwt: string } | null, errorResponse: { errorMessage: string } | null
      }
      if (answer.isError || answer.successResponse === null) throw new Error(`kjernejournal-sandbox: test-token service: ${answer.errorResponse?.errorMessage ?? 'no token'}`)
      return answer.successResponse.accessTokenJwt
    },
    async activateScenario (name) {
      await call('POST', `/__admin/scenarios/${encodeURIComponent(name)}/activate`)
    },
    async deactivateScenario (name) {
      await call('POST', `/__admin/scenarios/${encodeURIComponent(name)}/deactivate`)
    },
    async requests (filter = {}) {
      const query = new URLSearchParams(filter).toString()
      const page = await call('GET', `/__admin/requests${query === '' ? '' : `?${query}`}`) as { requests: Array<Record<string, unknown>> }
      return page.requests
    },
    async setClock (now) {
      return await call('PUT', '/__admin/clock', { now: now instanceof Date ? now.toISOString() : now }) as SandboxClock
    },
    async advanceClock (by) {
      return await call('POST', '/__admin/clock/advance', by) as SandboxClock
    },
    async reset () {
      // The reset routes live on the root admin API, not under /s/<id>.
      const path = session === undefined ? '/__admin/reset?session=default' : `/__admin/sessions/${encodeURIComponent(session)}/reset`
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: adminHeaders })
      if (!res.ok) throw new Error(`kjernejournal-sandbox: POST ${path} answered ${res.status}: ${await res.text()}`)
    },
    async close () {
      closed ??= app.close().then(() => undefined)
      return closed
    }
  }
}
