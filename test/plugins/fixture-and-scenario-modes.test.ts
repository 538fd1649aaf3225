/** FIXTURES_DIR and SCENARIOS_DIR add to the built-in world and pack unless *_MODE=replace; empty or missing folders warn. */
import t from 'tap'
import { Writable } from 'node:stream'
import { join } from 'node:path'
import { builtInFixturesDir } from '../../server/paths.js'
import { build } from '../helper.js'

const BUILT_IN_PATIENT = '24868510168'
const OWN_PATIENT = { nin: '01818010083', givenName: 'Egen', familyName: 'Pasient' }

/** Warn lines the app logs while it is built. */
function warnings (): { lines: string[], logger: { level: string, stream: Writable } } {
  const lines: string[] = []
  const stream = new Writable({ write (chunk: Buffer, _enc, done) { lines.push((JSON.parse(chunk.toString()) as { msg: string }).msg); done() } })
  return { lines, logger: { level: 'warn', stream } }
}

t.test('FIXTURES_MODE=add (the default): the folder adds to the built-in world, the same key replaces', async (t) => {
  const dir = t.testdir({
    'patients.json': JSON.stringify([OWN_PATIENT, { nin: BUILT_IN_PATIENT, givenName: 'Erstattet', familyName: 'Vanlig' }]),
    'organisations.json': JSON.stringify([{ orgnr: '310009008', name: 'Eget AS' }])
  })
  const log = warnings()
  const app = await build(t, { FIXTURES_DIR: dir }, { logger: log.logger })
  const { patients, organisations } = app.sandbox.world
  t.ok(patients.has('01818010083'), 'the folder\'s patient')
  t.equal(patients.get(BUILT_IN_PATIENT)?.givenName, 'Erstattet', 'the same nin replaces the built-in patient')
  t.ok(patients.has('17815810112'), 'the built-in patients stay')
  t.ok(organisations.has('310009008') && organisations.has('310001147'))
  t.ok(app.sandbox.clients.has('sandbox-demo-ehr'), 'the built-in clients stay')
  t.same(log.lines, [], 'no warning for a folder with fixture files')

  const reloaded = (await app.inject({ method: 'POST', url: '/__admin/fixtures/reload' })).json()
  t.same(reloaded.errors, [])
  t.ok(patients.has('17815810112') && patients.has('01818010083'), 'a reload reads both again')
})

t.test('FIXTURES_MODE=replace: the folder is the whole world', async (t) => {
  const dir = t.testdir({ 'patients.json': JSON.stringify([OWN_PATIENT]) })
  const app = await build(t, { FIXTURES_DIR: dir, FIXTURES_MODE: 'replace' })
  t.same([...app.sandbox.world.patients.keys()], ['01818010083'])
  t.equal(app.sandbox.clients.size, 0)
})

t.test('an empty or missing FIXTURES_DIR is one warning line, not a silent empty world', async (t) => {
  const empty = t.testdir({})
  const log = warnings()
  const app = await build(t, { FIXTURES_DIR: empty }, { logger: log.logger })
  t.ok(app.sandbox.world.patients.has(BUILT_IN_PATIENT), 'the built-in world serves')
  t.match(log.lines.filter((l) => l.includes('FIXTURES_DIR')), [/holds none of .*only the built-in world is served/])
  const missing = warnings()
  await build(t, { FIXTURES_DIR: join(empty, 'nope'), FIXTURES_MODE: 'replace' }, { logger: missing.logger })
  t.match(missing.lines.filter((l) => l.includes('FIXTURES_DIR') && !l.includes('watch')), [/cannot be read \(ENOENT\): the world is empty/])
})

t.test('SCENARIOS_MODE=add (the default): the folder adds to the built-in pack, the same name replaces', async (t) => {
  const dir = t.testdir({
    'own.yaml': 'description: mine\nrules:\n  - then:\n      delay: 1\n',
    'slow-network.yaml': 'description: my own slow network\nrules:\n  - then:\n      delay: 2\n'
  })
  const app = await build(t, { SCENARIOS_DIR: dir, SCENARIOS: 'own,connection-resets' })
  const listing = (await app.inject('/__admin/scenarios')).json() as { scenarios: Array<{ name: string, description: string }>, active: string[] }
  const names = listing.scenarios.map((s) => s.name)
  t.ok(names.includes('own') && names.includes('connection-resets'), 'both the folder\'s and the built-in scenarios')
  t.equal(names.filter((n) => n === 'slow-network').length, 1)
  t.match(listing.scenarios.find((s) => s.name === 'slow-network')?.description, /my own/, 'the folder\'s scenario replaces the built-in one')
  t.same(listing.active.sort(), ['connection-resets', 'own'])

  const replaced = await build(t, { SCENARIOS_DIR: dir, SCENARIOS_MODE: 'replace' })
  t.same((await replaced.inject('/__admin/scenarios')).json().scenarios.map((s: { name: string }) => s.name).sort(), ['own', 'slow-network'])
})

t.test('an empty or missing SCENARIOS_DIR is one warning line', async (t) => {
  const empty = t.testdir({})
  const log = warnings()
  const app = await build(t, { SCENARIOS_DIR: empty }, { logger: log.logger })
  t.ok((await app.inject('/__admin/scenarios')).json().scenarios.length > 0, 'the built-in pack serves')
  t.match(log.lines.filter((l) => l.includes('SCENARIOS_DIR')), [/holds no scenario file: only the built-in scenarios are served/])
  const missing = warnings()
  const app2 = await build(t, { SCENARIOS_DIR: join(empty, 'nope') }, { logger: missing.logger })
  t.ok((await app2.inject('/__admin/scenarios')).json().scenarios.length > 0)
  t.same(missing.lines, [`SCENARIOS_DIR ${join(empty, 'nope')} cannot be read (ENOENT): only the built-in scenarios are served`])
})

t.test('the shipped fixtures folder given as FIXTURES_DIR warns nothing', async (t) => {
  const log = warnings()
  await build(t, { FIXTURES_DIR: builtInFixturesDir }, { logger: log.logger })
  t.same(log.lines, [])
})
