/** `kjernejournal-sandbox token`: a JWT from a running sandbox on stdout, or one line and exit 1. */
import t from 'tap'
import { execFile } from 'node:child_process'
import { decodeJwt } from 'jose'
import { startSandbox } from '../../server/index.js'
import { childEnv, compiledMain, ensureBuilt } from '../support/compiled.js'

ensureBuilt()

interface Run { code: number, stdout: string, stderr: string }

// Not spawnSync: the sandbox listens in this very process, and a blocked event loop would never
// answer the child.
async function cli (args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [compiledMain, 'token', ...args], { env: childEnv(), timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : Number((err as { code?: unknown }).code ?? -1), stdout, stderr })
    })
  })
}

const PID = 'helseid://claims/identity/pid'

t.test('prints a system token, and a user token with --user and --hpr', async (t) => {
  const sandbox = await startSandbox()
  t.teardown(() => sandbox.close())

  const system = await cli(['--url', sandbox.url])
  t.equal(system.code, 0, system.stderr)
  t.match(system.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/, 'one JWT alone on stdout')
  const claims = decodeJwt(system.stdout.trim())
  t.equal(claims.aud, 'nhn:kjernejournal')
  t.equal(claims.iss, sandbox.issuer)
  t.notOk(PID in claims, 'a system token has no user')

  const user = await cli(['--url', sandbox.url, '--user', '01887840020', '--hpr', '900100101'])
  t.equal(user.code, 0, user.stderr)
  const userClaims = decodeJwt(user.stdout.trim())
  t.equal(userClaims[PID], '01887840020')
  t.equal(userClaims['helseid://claims/identity/security_level'], '4')
  t.equal(userClaims['helseid://claims/hpr/hpr_number'], '900100101')
})

t.test('no sandbox at the URL: exit 1 with one line on stderr', async (t) => {
  const sandbox = await startSandbox()
  await sandbox.close()
  const res = await cli(['--url', sandbox.url])
  t.equal(res.code, 1)
  t.equal(res.stdout, '')
  t.match(res.stderr, new RegExp(`^kjernejournal-sandbox token: no sandbox answers at ${sandbox.url.replaceAll('.', '\\.')} .*\\n$`))
  t.equal(res.stderr.split('\n').length, 2, 'one line')
})

t.test('an unknown flag: exit 2 and says which', async (t) => {
  const res = await cli(['--port', '1'])
  t.equal(res.code, 2)
  t.match(res.stderr, /unknown option '--port'/)
})
