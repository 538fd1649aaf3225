/**
 * The command line as users and container health checks run it: start, healthcheck, a bad
 * setting or a busy port, and a clean stop on SIGTERM.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { childEnv, compiledMain, runCompiled } from '../support/compiled.js'
import { freePort } from '../support/server.js'

const node = (args: string[], env: Record<string, string> = {}) => runCompiled(args, { env })

t.test('a bad setting stops start-up with one line naming it, exit 2', async (t) => {
  const res = node(['start'], { PORT: 'eighty' })
  t.equal(res.status, 2)
  t.match(res.stderr.trim(), /^kjernejournal-sandbox: Invalid setting PORT="eighty": /)
  t.equal(res.stderr.trim().split('\n').length, 1)
  const flag = node(['start', '--no-such-setting', '1'])
  t.equal(flag.status, 2)
  t.match(flag.stderr, /Unknown option --no-such-setting/)
})

t.test('a port in use stops start-up with one line naming the port and the setting, exit 2', async (t) => {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { blocker.close() })
  const port = (blocker.address() as AddressInfo).port
  const res = node(['start'], { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' })
  t.equal(res.status, 2)
  t.equal(res.stderr, `kjernejournal-sandbox: port ${port} on 127.0.0.1 is already in use; set PORT (or --port) to a free port, or stop what listens there\n`, 'one line, no stack')
  t.equal(res.stdout, '', 'nothing else is printed at LOG_LEVEL=warn')
})

t.test('a KEYS_FILE or fixture file that is not JSON stops start-up with one line, exit 2', async (t) => {
  const dir = t.testdir({ 'keys.json': 'not json\nat all\n', fixtures: { 'organisations.json': '{\n  "a": \n}\n' } })
  const keys = node(['start'], { KEYS_FILE: join(dir, 'keys.json'), HOST: '127.0.0.1', PORT: '0' })
  t.equal(keys.status, 2)
  t.match(keys.stderr, /^kjernejournal-sandbox: KEYS_FILE .*keys\.json is not valid JSON \(.*\); move it away and the sandbox writes a new key there\n$/)
  t.equal(keys.stderr.split('\n').length, 2, 'one line, no stack')
  const fixtures = node(['start'], { FIXTURES_DIR: join(dir, 'fixtures'), HOST: '127.0.0.1', PORT: '0' })
  t.equal(fixtures.status, 2)
  t.match(fixtures.stderr, /^kjernejournal-sandbox: .*organisations\.json: not valid JSON \(/)
  t.equal(fixtures.stderr.split('\n').length, 2, 'one line, though JSON.parse quotes the broken lines')
})

t.test('help lists the settings; an unknown command is refused', async (t) => {
  const help = node(['help'])
  t.equal(help.status, 0)
  t.match(help.stdout, /PUBLIC_URL/)
  t.equal(node(['frobnicate']).status, 2)
})

t.test('start answers health checks and exits cleanly on SIGTERM', async (t) => {
  const port = await freePort()
  const env = { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }
  t.equal(node(['healthcheck'], env).status, 1, 'nothing listens yet')
  const child = spawn(process.execPath, [compiledMain, 'start'], { env: childEnv(env), stdio: 'ignore' })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  t.teardown(() => { child.kill('SIGKILL') })
  let healthy = false
  // A generous bound (60 s): under a loaded CI machine a start through tsx can take many seconds.
  for (let i = 0; i < 600 && !healthy; i++) {
    healthy = await fetch(`http://127.0.0.1:${port}/__admin/health`).then((r) => r.ok, () => false)
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  t.ok(healthy, 'the server came up')
  t.equal(node(['healthcheck'], env).status, 0)
  const discovery = await (await fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`)).json() as { issuer: string }
  t.equal(discovery.issuer, `http://localhost:${port}`, 'PUBLIC_URL defaults to localhost and the port')
  child.kill('SIGTERM')
  t.equal(await exited, 0, 'a clean exit on SIGTERM')
})
