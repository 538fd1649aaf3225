/** Hot reload of FIXTURES_DIR: good edits take effect, broken ones are reported and ignored. */
import t from 'tap'
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { builtInFixturesDir } from '../../../server/paths.js'
import { build } from '../../helper.js'
import { helseindikator } from '../../support/kj.js'
import { poll } from '../../support/poll.js'

const PLAIN = '24868510168'

t.test('an edited fixture file takes effect; a broken one keeps the last good world', async (t) => {
  const dir = t.testdir({})
  await cp(builtInFixturesDir, dir, { recursive: true })
  const app = await build(t, { FIXTURES_DIR: dir })
  const file = join(dir, 'patients.json')
  const patients = JSON.parse(await readFile(file, 'utf8')) as Array<{ nin: string, reserved?: boolean }>
  patients.find((p) => p.nin === PLAIN)!.reserved = true
  await writeFile(file, JSON.stringify(patients))
  t.ok(await poll(async () => (await helseindikator(app, { fnr: PLAIN })).json().status === 1), 'the watcher reloaded: the patient is now reserved')
  await writeFile(file, '[{"nin": "12345678901"}]')
  const status = (await app.inject({ method: 'POST', url: '/__admin/fixtures/reload' })).json()
  t.match(status.errors[0].message, /patients\.json: \[0\]\.nin: not a valid national identity number/)
  t.equal((await helseindikator(app, { fnr: PLAIN })).json().status, 1, 'the last good version keeps serving')
  t.match((await app.inject('/__admin/fixtures')).json(), { dir, errors: [{ message: /patients\.json/ }] })
})

t.test('patients added at run time and clients registered at run time survive a reload', async (t) => {
  const dir = t.testdir({})
  await cp(builtInFixturesDir, dir, { recursive: true })
  const app = await build(t, { FIXTURES_DIR: dir })
  const added = '01887840020'
  t.notOk(app.sandbox.world.patients.has(added), 'not a fixture patient')
  app.sandbox.world.patients.set(added, { ...app.sandbox.world.patients.get(PLAIN)!, nin: added, reserved: true })
  await app.inject({ method: 'PUT', url: '/__admin/clients/runtime-client', payload: { client_secret: 'long-enough', orgnr_parent: '310001406' } })
  const reloaded = await app.inject({ method: 'POST', url: '/__admin/fixtures/reload' })
  t.same(reloaded.json().errors, [])
  t.equal(app.sandbox.world.patients.get(added)?.reserved, true)
  t.equal((await app.inject('/__admin/clients/runtime-client')).statusCode, 200)
})
