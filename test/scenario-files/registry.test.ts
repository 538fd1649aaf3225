import t from 'tap'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ScenarioRegistry } from '../../server/scenario-files/registry.js'
import { parseScenario } from '../../server/domain/scenarios/scenario.js'

const GOOD = 'rules:\n  - then: { error: KJS-000077 }\n'
const BETTER = 'description: better\nrules:\n  - then: { error: KJX-000003 }\n'
const BROKEN = 'rules:\n  - then: { error: KJF-999 }\n'

function logger () {
  const lines: string[] = []
  return { lines, log: { info (_: object, msg: string) { lines.push(`info ${msg}`) }, warn (_: object, msg: string) { lines.push(`warn ${msg}`) } } }
}

t.test('loads a folder; a broken file keeps its last good version and is listed', async (t) => {
  const dir = t.testdir({ 'a.yaml': GOOD, 'b.yaml': GOOD })
  const { lines, log } = logger()
  const registry = new ScenarioRegistry(dir, log)
  await registry.reload()
  t.same(registry.list().map((s) => s.name), ['a', 'b'])
  t.same(registry.errors(), [])
  const before = registry.get('a')

  await writeFile(join(dir, 'a.yaml'), BROKEN)
  await writeFile(join(dir, 'c.yaml'), BROKEN)
  await registry.reload()
  t.equal(registry.get('a'), before, 'a keeps serving its last good version')
  t.equal(registry.get('c'), undefined, 'c never loaded')
  t.same(registry.errors(), [
    { file: 'a.yaml', field: 'rules[0].then.error', message: "rules[0].then.error: unknown catalogue code 'KJF-999'" },
    { file: 'c.yaml', field: 'rules[0].then.error', message: "rules[0].then.error: unknown catalogue code 'KJF-999'" }
  ])
  t.match(lines, [/^warn scenario file a.yaml: rules\[0\]\.then\.error: .*last good version keeps serving$/, /^warn scenario file c.yaml: /])

  await writeFile(join(dir, 'a.yaml'), BETTER)
  await rm(join(dir, 'b.yaml'))
  await rm(join(dir, 'c.yaml'))
  await registry.reload()
  t.equal(registry.get('a')?.description, 'better', 'the fix is loaded')
  t.equal(registry.get('b'), undefined, 'a deleted file is unloaded')
  t.same(registry.errors(), [])
})

t.test('duplicate names: the later file is refused', async (t) => {
  const dir = t.testdir({ 'a.yaml': 'name: same\n' + GOOD, 'b.yaml': 'name: same\n' + BETTER })
  const registry = new ScenarioRegistry(dir)
  await registry.reload()
  t.equal(registry.get('same')?.file, 'a.yaml')
  t.match(registry.errors(), [{ file: 'b.yaml', field: 'name', message: /already defined in a.yaml/ }])
})

t.test('a folder that cannot be read is an error, not a crash', async (t) => {
  const registry = new ScenarioRegistry(join(t.testdir(), 'missing'))
  await registry.reload()
  t.match(registry.errors(), [{ field: '(root)', message: /ENOENT/ }])
  registry.watch()
  registry.close()
})

t.test('scenarios added at run time; files win', async (t) => {
  const registry = new ScenarioRegistry(t.testdir({ 'a.yaml': GOOD }))
  await registry.reload()
  t.equal(registry.add(parseScenario({ rules: [{ then: { delay: 1 } }] }, 'x')), 'created')
  t.equal(registry.add(parseScenario({ rules: [{ then: { delay: 2 } }] }, 'x')), 'replaced')
  t.same(registry.list().map((s) => s.name), ['a', 'x'])
  t.throws(() => registry.add(parseScenario({ rules: [{ then: { delay: 1 } }] }, 'a')), /defined in a.yaml/)
})

t.test('the watcher reloads after an edit, debounced', async (t) => {
  const dir = t.testdir({ 'a.yaml': GOOD })
  const registry = new ScenarioRegistry(dir)
  t.teardown(() => { registry.close() })
  await registry.reload()
  registry.watch(20)
  registry.watch(20)
  const start = registry.generation
  await writeFile(join(dir, 'a.yaml'), BETTER)
  for (let i = 0; i < 100 && registry.get('a')?.description !== 'better'; i++) await new Promise((resolve) => setTimeout(resolve, 50))
  t.equal(registry.get('a')?.description, 'better', 'the edit is live without reload()')
  t.ok(registry.generation > start)
  registry.close()
  const closedAt = registry.generation
  await writeFile(join(dir, 'a.yaml'), GOOD)
  await new Promise((resolve) => setTimeout(resolve, 200))
  t.equal(registry.generation, closedAt, 'a closed registry no longer reloads')
})
