/**
 * Starts the real sandbox on 127.0.0.1 and a free port, for end-to-end tests with real clients.
 * The port is chosen first because the issuer URL (PUBLIC_URL) must be known when tokens are made.
 */
import { createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { testBuildOptions } from '../helper.js'

interface Teardown { teardown(fn: () => unknown): void }

export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startSandbox (t: Teardown, env: Record<string, string> = {}): Promise<{ url: string, app: FastifyInstance }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const app = await buildApp(loadConfig({ PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'silent', ...env }), testBuildOptions(env))
  await app.listen({ port, host: '127.0.0.1' })
  t.teardown(() => app.close())
  return { url, app }
}
