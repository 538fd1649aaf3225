/** Hot reload of SCENARIOS_DIR in the running app: edits go live, broken files keep the last good version. */
import t from 'tap'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from '../helper.js'
import { ping } from '../support/kj.js'
import { poll } from '../support/poll.js'

const headers = { 'x-sandbox-scenario': 'outage' }
const v1 = 'description: v1\nrules:\n  - when: { face: kjernejournal }\n    then: { error: KJS-000077 }\n'
const v2 = 'description: v2\nrules:\n  - when: { face: kjernejournal }\n    then: { error: KJX-000003 }\n'
const broken = 'description: v3\nrules:\n  - when: { face: kjernejournal, nth: -1 }\n    then: { error: KJX-000004 }\n'

t.test('an edited file goes live without a restart; a broken one is listed and the old one serves', async (t) => {
  const dir = t.testdir({ 'outage.yaml': v1 })
  // replace: the listings below are the folder's alone, without the built-in pack.
  const app = await build(t, { SCENARIOS_DIR: dir, SCENARIOS_MODE: 'replace' })
  t.equal((await ping(app, { headers })).json().feilkode, 'KJS-000077')

  await writeFile(join(dir, 'outage.yaml'), v2)
  t.ok(await poll(async () => (await ping(app, { headers })).json().feilkode === 'KJX-000003'), 'the watcher picked up the edit')

  await writeFile(join(dir, 'outage.yaml'), broken)
  await app.scenarios.registry.reload()
  t.equal((await ping(app, { headers })).json().feilkode, 'KJX-000003', 'the last good version keeps serving')
  const listing = (await app.inject({ url: '/__admin/scenarios' })).json()
  t.match(listing.errors, [{ file: 'outage.yaml', field: 'rules[0].when.nth', message: /^rules\[0\]\.when\.nth: / }])
  t.match(listing.scenarios, [{ name: 'outage', description: 'v2', file: 'outage.yaml' }])

  await writeFile(join(dir, 'added.yaml'), 'rules: [{ then: { delay: 1 } }]\n')
  await writeFile(join(dir, 'outage.yaml'), v1)
  await app.scenarios.registry.reload()
  const fixed = (await app.inject({ url: '/__admin/scenarios' })).json()
  t.same(fixed.errors, [], 'fixed files leave the list')
  t.same(fixed.scenarios.map((s: { name: string }) => s.name), ['added', 'outage'], 'new files are loaded')
})

t.test('closing the app closes the watcher', async (t) => {
  const dir = t.testdir({ 'outage.yaml': v1 })
  const app = await build(t, { SCENARIOS_DIR: dir })
  const { registry } = app.scenarios
  await app.close()
  const before = registry.generation
  await writeFile(join(dir, 'outage.yaml'), v2)
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.equal(registry.generation, before, 'no reload after close')
})
