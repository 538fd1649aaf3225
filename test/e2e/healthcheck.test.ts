/**
 * What the container health check (server/cli/healthcheck.ts) calls healthy, against real
 * servers on loopback: a 2xx from /__admin/health, and nothing else.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { healthAnswer, healthcheck } from '../../server/cli/healthcheck.js'

async function listening (handler: Parameters<typeof createServer>[1]): Promise<{ server: Server, port: number }> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

t.test('healthy is a 2xx from /__admin/health; anything else, or nothing, is not', async (t) => {
  const paths: string[] = []
  const up = await listening((req, res) => { paths.push(req.url ?? ''); res.writeHead(200).end('{"status":"UP"}') })
  const down = await listening((_req, res) => { res.writeHead(503).end() })
  const silent = await listening(() => {})
  t.teardown(() => { for (const s of [up, down, silent]) s.server.closeAllConnections(); for (const s of [up, down, silent]) s.server.close() })
  t.equal(await healthAnswer({ host: '127.0.0.1', port: up.port }), 'up')
  t.same(paths, ['/__admin/health'])
  t.equal(await healthcheck({ PORT: String(up.port) }, []), 0, 'exit 0')
  t.equal(await healthAnswer({ host: '127.0.0.1', port: down.port }), 'down', '503')
  t.equal(await healthcheck({ PORT: String(down.port) }, []), 1, 'exit 1')
  t.equal(await healthAnswer({ host: '127.0.0.1', port: silent.port }, 200), 'down', 'no answer within the time')
})

t.test('nothing listening is not healthy', async (t) => {
  const { server, port } = await listening(() => {})
  await new Promise((resolve) => server.close(resolve))
  t.equal(await healthAnswer({ host: '127.0.0.1', port }), 'refused')
})

t.test('with --wait, a sandbox that starts listening during the wait is healthy', async (t) => {
  const { server, port } = await listening(() => {})
  await new Promise((resolve) => server.close(resolve))
  const check = healthcheck({ PORT: String(port) }, ['--wait', '3'])
  await new Promise((resolve) => setTimeout(resolve, 300))
  const late = createServer((_req, res) => { res.writeHead(200).end('{"status":"UP"}') })
  await new Promise<void>((resolve) => late.listen(port, '127.0.0.1', resolve))
  t.teardown(() => { late.closeAllConnections(); late.close() })
  t.equal(await check, 0, 'exit 0 once it listens')
})

t.test('with --wait, nothing listening until the end, or a bad answer, is not healthy', async (t) => {
  const { server, port } = await listening(() => {})
  await new Promise((resolve) => server.close(resolve))
  t.equal(await healthcheck({ PORT: String(port) }, ['--wait', '0.3']), 1, 'nobody listened')
  const down = await listening((_req, res) => { res.writeHead(503).end() })
  t.teardown(() => { down.server.closeAllConnections(); down.server.close() })
  t.equal(await healthcheck({ PORT: String(down.port) }, ['--wait', '3']), 1, 'a 503 is an answer: no waiting for a better one')
})
