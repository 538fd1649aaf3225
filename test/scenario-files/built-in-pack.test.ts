/** The built-in scenario pack parsed at build time: same data as parsing, and only for the text it was made from. */
import t from 'tap'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makePack, packedData, packFor, readPack, writePack } from '../../server/scenario-files/built-in-pack.js'
import { listScenarioFiles, readScenarioFile } from '../../server/scenario-files/folder.js'
import { scenarioFileData } from '../../server/domain/scenarios/scenario-file.js'
import { builtInScenariosDir } from '../../server/paths.js'

t.test('the pack holds every built-in scenario file, with the data parsing gives', async (t) => {
  const pack = await makePack(builtInScenariosDir)
  const files = await listScenarioFiles(builtInScenariosDir)
  t.same(Object.keys(pack), files, 'every file, none left out')
  for (const file of files) {
    const text = await readFile(join(builtInScenariosDir, file), 'utf8')
    t.equal(pack[file]?.text, text, file)
    t.same(JSON.parse(pack[file]?.json ?? 'null'), scenarioFileData(file, text), file)
  }
})

t.test('a file is taken from the pack only while its text is the packed one', async (t) => {
  const dir = t.testdir({ 'slow.yaml': 'rules: [{ then: { delay: 5 } }]\n' })
  // A pack that disagrees with the parser on purpose shows which one answered.
  const pack = new Map([['slow.yaml', { text: 'rules: [{ then: { delay: 5 } }]\n', json: '{"rules":[{"then":{"delay":7}}]}' }]])
  const packed = await readScenarioFile(join(dir, 'slow.yaml'), 'slow.yaml', pack)
  t.match(packed, { ok: true, scenario: { name: 'slow', definition: { rules: [{ then: { delay: 7 } }] } } }, 'same text: the pack')
  const edited = new Map([['slow.yaml', { text: 'rules: [{ then: { delay: 6 } }]\n', json: '{"rules":[{"then":{"delay":7}}]}' }]])
  t.match(await readScenarioFile(join(dir, 'slow.yaml'), 'slow.yaml', edited), { ok: true, scenario: { definition: { rules: [{ then: { delay: 5 } }] } } }, 'another text: parsed')
  const first = packedData(pack, 'slow.yaml', 'rules: [{ then: { delay: 5 } }]\n')
  const second = packedData(pack, 'slow.yaml', 'rules: [{ then: { delay: 5 } }]\n')
  t.not(first?.data, second?.data, 'each use gets its own copy')
  t.equal(packedData(pack, 'other.yaml', 'rules: []'), undefined)
})

t.test('files JSON cannot carry, or that do not parse, are left to the parser', async (t) => {
  const dir = t.testdir({
    'ok.yaml': 'rules: [{ then: { delay: 5 } }]\n',
    'infinite.yaml': 'rules: [{ then: { delay: .inf } }]\n',
    'broken.yaml': 'rules: [\n',
    'notes.md': 'not a scenario'
  })
  t.same(Object.keys(await makePack(dir)), ['ok.yaml'])
})

t.test('the pack file: written, read back, and empty when missing or broken', async (t) => {
  const dir = t.testdir({ scenarios: { 'a.yaml': 'rules: []\n' }, 'broken.json': '{', 'odd.json': '{"a.yaml":{"text":1}}' })
  t.equal(await writePack(join(dir, 'scenarios'), join(dir, 'pack.json')), 1)
  t.same([...(await readPack(join(dir, 'pack.json'))).keys()], ['a.yaml'])
  t.equal((await readPack(join(dir, 'missing.json'))).size, 0)
  t.equal((await readPack(join(dir, 'broken.json'))).size, 0)
  t.equal((await readPack(join(dir, 'odd.json'))).size, 0, 'an entry without text and JSON is left out')
  t.equal((await packFor(join(dir, 'scenarios'))).size, 0, 'only the built-in folder has a pack')
})
