/** `kjernejournal-sandbox readiness`: its flags, its lines, its JUnit file and its exit codes (fetch goes to inject). */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, form, tokenRequest } from '../helper.js'
import { readinessCommand, type ReadinessIo } from '../../server/cli/readiness.js'

function io (app: FastifyInstance | undefined) {
  const out: string[] = []
  const err: string[] = []
  const files = new Map<string, string>()
  const seen: Array<{ url: string, headers: Record<string, string> }> = []
  const value: ReadinessIo = {
    out: (line) => { out.push(line) },
    err: (line) => { err.push(line) },
    env: {},
    write: async (file, text) => {
      if (file.includes('unwritable')) throw new Error('EACCES')
      files.set(file, text)
    },
    fetch: async (url, init) => {
      seen.push({ url, headers: init.headers })
      if (app === undefined) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
      const res = await app.inject({ method: 'GET', url: url.replace(/^http:\/\/[^/]+/, ''), headers: init.headers })
      return { status: res.statusCode, text: async () => res.body }
    }
  }
  return { value, out, err, files, seen }
}

async function secretToken (app: FastifyInstance, session: string): Promise<void> {
  await app.inject({
    method: 'POST',
    url: '/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sandbox-session': session },
    payload: form({ grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret' })
  })
}

t.test('a clean session passes; a will-fail finding exits 1 and names it; the JUnit file is written', async (t) => {
  const app = await build(t)
  const clean = io(app)
  t.equal(await readinessCommand(['--url', 'http://sandbox.test', '--session', 'ci'], clean.value), 0)
  t.match(clean.out[0], /^session ci \(lenient\): ready; 0 will-fail/)
  t.equal(clean.seen[0]?.headers['x-sandbox-session'], 'ci')

  await secretToken(app, 'ci')
  const failing = io(app)
  t.equal(await readinessCommand(['--url=http://sandbox.test/', '--session', 'ci', '--junit', 'out.xml', '--admin-token', 'secret'], failing.value), 1)
  t.match(failing.out.join('\n'), /will-fail\s+client-secret-auth x1/)
  t.match(failing.out.join('\n'), /checklist: \d+ of \d+ met; not yet: /)
  t.match(failing.err[0], /would fail at NHN/)
  t.match(failing.files.get('out.xml'), /<testcase classname="readiness.findings" name="client-secret-auth">/)
  t.equal(failing.seen[0]?.url, 'http://sandbox.test/__admin/readiness')
  t.equal(failing.seen[1]?.url, 'http://sandbox.test/__admin/readiness?format=junit')
  t.equal(failing.seen[0]?.headers.authorization, 'Bearer secret')

  t.equal(await readinessCommand(['--url', 'http://sandbox.test', '--session', 'ci', '--fail-on', 'none'], io(app).value), 0, '--fail-on none never fails')
})

t.test('--fail-on deprecated fails on a deprecated finding that will-fail lets pass', async (t) => {
  const app = await build(t)
  // Two tokens in a row: token-per-call, a deprecated finding.
  await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })
  await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })
  t.equal(await readinessCommand(['--url', 'http://sandbox.test'], io(app).value), 0)
  const strictest = io(app)
  t.equal(await readinessCommand(['--url', 'http://sandbox.test', '--fail-on', 'deprecated'], strictest.value), 1)
  t.match(strictest.out.join('\n'), /deprecated\s+token-per-call/)
})

t.test('usage errors and an absent sandbox exit 2 with one line', async (t) => {
  for (const [argv, message] of [
    [['--colour', 'red'], /unknown option '--colour'/],
    [['--session'], /--session needs a value/],
    [['--fail-on', 'sometimes'], /--fail-on is one of will-fail, deprecated, unconfirmed or none/],
    [['--session', 'bad id!'], /--session is 1-64/]
  ] as const) {
    const run = io(undefined)
    t.equal(await readinessCommand(argv, run.value), 2, argv.join(' '))
    t.match(run.err[0], message)
  }
  const absent = io(undefined)
  t.equal(await readinessCommand(['--url', 'http://127.0.0.1:9'], absent.value), 2)
  t.match(absent.err[0], /no sandbox answers at http:\/\/127.0.0.1:9 \(ECONNREFUSED\)/)
  const app = await build(t, { ADMIN_TOKEN: 'right-token-123' })
  const locked = io(app)
  t.equal(await readinessCommand(['--url', 'http://sandbox.test', '--admin-token', 'wrong'], locked.value), 2)
  t.match(locked.err[0], /answered 401/)
  const unwritable = io(await build(t))
  t.equal(await readinessCommand(['--url', 'http://sandbox.test', '--junit', '/unwritable/x.xml'], unwritable.value), 2)
  t.match(unwritable.err[0], /cannot write/)
})
