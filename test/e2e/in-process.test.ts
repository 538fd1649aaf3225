/** `startSandbox()`: the typed handle JavaScript test suites drive the real, listening sandbox with. */
import t from 'tap'
import { startSandbox } from '../../server/index.js'

const PATIENT = '17815810112'

async function helseindikator (url: string, token: string): Promise<Response> {
  return fetch(`${url}/v1/helseindikator`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-epj-system': 'In-process test 1.0', 'content-type': 'application/json' },
    body: JSON.stringify({ fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE' })
  })
}

t.test('startSandbox() with no arguments: a free port, tokens, scenarios, journal, clock, reset, close', async (t) => {
  const sandbox = await startSandbox()
  t.teardown(() => sandbox.close())
  t.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  t.equal(sandbox.issuer, sandbox.url)

  const discovery = await (await fetch(`${sandbox.url}/.well-known/openid-configuration`)).json() as { issuer: string }
  t.equal(discovery.issuer, sandbox.issuer, 'url answers discovery')

  const token = await sandbox.token()
  const first = await helseindikator(sandbox.url, token)
  t.equal(first.status, 200, 'the token is accepted with X-EPJ-System')
  t.equal((await first.json() as { status: number }).status, 4)

  await sandbox.activateScenario('helseindikator-status-0')
  const overridden = await helseindikator(sandbox.url, token)
  t.equal((await overridden.json() as { status: number }).status, 0, 'the scenario overrides the status')
  await sandbox.deactivateScenario('helseindikator-status-0')

  const calls = await sandbox.requests({ path: '/v1/helseindikator' })
  t.equal(calls.length, 2, 'the journal lists both calls')
  t.match(calls[0], { method: 'POST' })

  const before = Date.now()
  const clock = await sandbox.advanceClock({ hours: 2 })
  t.ok(clock.offsetMs >= 2 * 3600_000 - 1000, 'the clock moved')
  t.ok(Date.parse(clock.now) >= before + 2 * 3600_000 - 1000)
  const set = await sandbox.setClock(new Date('2030-01-01T08:00:00Z'))
  t.match(set.now, /^2030-01-01T08:00/)

  await sandbox.reset()
  t.same(await sandbox.requests(), [], 'reset empties the journal')
  const clockAfter = await (await fetch(`${sandbox.url}/__admin/clock`)).json() as { offsetMs: number }
  t.equal(clockAfter.offsetMs, 0, 'reset puts the clock back')

  await t.rejects(sandbox.token({ audience: '' }), /test-token service/, 'a TTT error throws with its message')

  await sandbox.close()
  await t.rejects(fetch(`${sandbox.url}/__admin/health`), 'the port no longer answers')
  await sandbox.close()
  t.pass('close() twice is harmless')
})

t.test('startSandbox({ session }): url and issuer are the session\'s', async (t) => {
  const sandbox = await startSandbox({ session: 'ci-1', settings: { SEED: '7', ADMIN_TOKEN: 'secret-admin-token' } })
  t.teardown(() => sandbox.close())
  t.match(sandbox.url, /\/s\/ci-1$/)
  const discovery = await (await fetch(`${sandbox.url}/.well-known/openid-configuration`)).json() as { issuer: string }
  t.equal(discovery.issuer, sandbox.issuer)

  const res = await helseindikator(sandbox.url, await sandbox.token())
  t.equal(res.status, 200)
  t.equal((await sandbox.requests({ path: '/v1/helseindikator' })).length, 1, 'admin calls carry ADMIN_TOKEN and stay in the session')
  await sandbox.advanceClock({ minutes: 61 })
  await sandbox.reset()
  t.same(await sandbox.requests(), [])
  t.equal((await fetch(`${sandbox.url}/__admin/requests`)).status, 401, 'without the token /__admin is closed')
})
