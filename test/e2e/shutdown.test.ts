/**
 * Graceful shutdown of the compiled server: on SIGTERM a request in flight (held by a scenario
 * delay) is answered, a new connection is refused, and the process exits with code 0. The exit
 * time is measured and printed, not asserted (beyond "it exits at all within 10 s"). Also: without
 * DATA_DIR the running sandbox writes no file anywhere in its working folder.
 */
import t from 'tap'
import { request } from 'node:http'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBuilt, startCompiled } from '../support/compiled.js'

const DELAY_MS = 400

/** A request on a connection of its own (no keep-alive pool), resolving with status or error code. */
function freshRequest (url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${url}/__admin/health`, { agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', (err: NodeJS.ErrnoException) => { resolve(err.code ?? err.message) })
    req.end()
  })
}

function within<T> (ms: number, promise: Promise<T>): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())])
}

// Room for a build of dist/ when a source file is newer (the first such test builds it) on a busy machine.
t.setTimeout(300_000)

t.before(() => { ensureBuilt() })

t.test('SIGTERM: the in-flight request finishes, new ones are refused, exit code 0', async (t) => {
  const server = await startCompiled({ LOG_LEVEL: 'info' })
  t.teardown(() => { server.child.kill('SIGKILL') })
  const scenario = { name: 'hold-ping', rules: [{ when: { path: '/v1/ping' }, then: { delay: DELAY_MS } }] }
  const added = await fetch(`${server.url}/__admin/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario) })
  t.equal(added.status, 201, await added.text())

  const inFlight = fetch(`${server.url}/v1/ping`, { headers: { 'x-sandbox-scenario': 'hold-ping', 'x-epj-system': 'Shutdown test' } })
    .then(async (res) => ({ status: res.status, body: await res.text() }), (err: Error) => ({ status: 0, body: err.message }))
  // The server holds the request once the scenario engine logs the rule firing (before the
  // delay); then the signal arrives while it is held.
  await server.waitForLine((line) => line.includes('"scenario rule fired"') && line.includes('hold-ping'))
  const signalled = performance.now()
  server.child.kill('SIGTERM')
  await server.waitForLine((line) => line.includes('"shutting down"'))

  const refused = await freshRequest(server.url)
  // Refused: no listener (ECONNREFUSED), a kept-alive socket's 503, or, when the connection landed
  // in the accept backlog just as the listener closed, a reset without an answer (ECONNRESET).
  t.ok(refused === 'ECONNREFUSED' || refused === 'ECONNRESET' || refused === 503, `a new connection is refused (${String(refused)})`)
  const answered = await inFlight
  t.equal(answered.status, 401, 'the in-flight request got its answer (401: it carried no token)')
  t.match(answered.body, /KJF-000279/)
  const code = await within(10_000, server.exited)
  const exitMs = Math.round(performance.now() - signalled)
  t.equal(code, 0, 'exit code 0')
  t.comment(`exit ${exitMs} ms after SIGTERM, with a request held ${DELAY_MS} ms in flight`)
})

t.test('SIGINT with nothing in flight: a quick clean exit; no file written without DATA_DIR', async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'kj-cwd-'))
  t.teardown(() => { rmSync(cwd, { recursive: true, force: true }) })
  const server = await startCompiled({ HOME: cwd, TMPDIR: cwd }, { cwd })
  t.teardown(() => { server.child.kill('SIGKILL') })
  // Changes of every kind that DATA_DIR would store.
  const client = await fetch(`${server.url}/__admin/clients/no-disk`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_secret: 'no-disk-secret', orgnr_parent: '310001406' }) })
  t.equal(client.status, 201)
  const status = await (await fetch(`${server.url}/__admin/persistence`)).json() as { enabled: boolean }
  t.equal(status.enabled, false)
  const signalled = performance.now()
  server.child.kill('SIGINT')
  t.equal(await within(10_000, server.exited), 0, 'exit code 0')
  t.comment(`exit ${Math.round(performance.now() - signalled)} ms after SIGINT, idle`)
  // Node 22+'s module compile cache (server/compile-cache.ts) is the one thing written to TMPDIR:
  // compiled code, not user data; on Node 20 it does not exist.
  t.same(readdirSync(cwd).filter((name) => name !== 'kjernejournal-sandbox-compile-cache'), [], 'the working folder (also HOME and TMPDIR) holds no data, only the compile cache')
})
