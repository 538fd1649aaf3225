/** Scenario files on disk: which a folder holds, in order, and an unreadable file as a problem. */
import t from 'tap'
import { join } from 'node:path'
import { listScenarioFiles, readScenarioFile } from '../../server/scenario-files/folder.js'

t.test('a folder is read in file order; unreadable files are problems', async (t) => {
  const dir = t.testdir({ 'b.yaml': 'rules: [{ then: { delay: 1 } }]', 'a.json': '{"rules":[{"then":{"delay":1}}]}', 'scenario.schema.json': '{}', 'x.txt': '', sub: {} })
  t.same(await listScenarioFiles(dir), ['a.json', 'b.yaml'])
  t.match(await readScenarioFile(join(dir, 'nope.yaml'), 'nope.yaml'), { ok: false, problems: [{ file: 'nope.yaml', message: /ENOENT/ }] })
})
