/** `kjernejournal-sandbox validate`: scenario and fixture files, one line per problem, exit 1 on any. */
import t from 'tap'
import { join } from 'node:path'
import { validateCommand } from '../../server/cli/validate.js'
import { runCompiled } from '../support/compiled.js'

async function run (argv: string[], env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await validateCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env })
  return { code, out, err }
}

const GOOD_SCENARIO = 'rules:\n  - then: { error: KJS-000077 }\n'
const GOOD_USERS = '[{"pid":"01887840020","hprNumber":"900100101","givenName":"Ingrid","familyName":"Lege","securityLevel":"4"}]'

t.test('without arguments: the built-in folders are clean', async (t) => {
  const res = await run([])
  t.equal(res.code, 0, res.err.join('\n'))
  t.same(res.err, [])
  t.match(res.out, [/^ok: \d+ files$/])
})

t.test('good files pass', async (t) => {
  const dir = t.testdir({ scenarios: { 'a.yaml': GOOD_SCENARIO, 'b.json': '{"rules":[{"then":{"delay":1}}]}', 'scenario.schema.json': '{}' }, 'users.json': GOOD_USERS, 'c.yml': GOOD_SCENARIO })
  const res = await run([join(dir, 'scenarios', 'a.yaml'), join(dir, 'scenarios', 'b.json'), join(dir, 'scenarios', 'scenario.schema.json'), join(dir, 'users.json'), join(dir, 'c.yml')])
  t.same(res, { code: 0, out: ['ok: 4 files'], err: [] }, 'the generated schema is skipped')
})

t.test('broken files: file, field and message, one line each; exit 1', async (t) => {
  const dir = t.testdir({
    scenarios: {
      'bad.yaml': 'rules:\n  - when: { nth: 0 }\n    then: { error: KJF-1 }\n',
      'yaml.yaml': 'rules: [\n',
      'dup.yaml': 'name: ok\nrules: [{ then: { delay: 1 } }]\n',
      'ok.yaml': GOOD_SCENARIO
    },
    'users.json': '[{"pid":"1"}]',
    'patients.json': '{',
    'notes.json': '{}',
    helseid: { 'clients.json': '[{}]' }
  })
  const files = ['bad.yaml', 'yaml.yaml', 'ok.yaml', 'dup.yaml'].map((f) => join(dir, 'scenarios', f))
  const res = await run([...files, join(dir, 'users.json'), join(dir, 'patients.json'), join(dir, 'notes.json'), join(dir, 'helseid', 'clients.json'), join(dir, 'missing.yaml')])
  t.equal(res.code, 1)
  const s = (f: string) => join(dir, 'scenarios', f)
  t.match(res.err, [
    new RegExp(`^${s('bad.yaml')}: rules\\[0\\]\\.when\\.nth: `),
    `${s('bad.yaml')}: rules[0].then.error: unknown catalogue code 'KJF-1'`,
    new RegExp(`^${s('yaml.yaml')}: \\(root\\): not valid YAML: `),
    new RegExp(`^${join(dir, 'users.json')}: \\[0\\]\\.`),
    new RegExp(`^${join(dir, 'patients.json')}: \\(root\\): not valid JSON`),
    new RegExp(`^${join(dir, 'notes.json')}: \\(root\\): not a scenario file`),
    new RegExp(`^${join(dir, 'helseid', 'clients.json')}: \\[0\\]\\.`),
    new RegExp(`^${join(dir, 'missing.yaml')}: \\(root\\): cannot be read \\(ENOENT\\)`),
    `${s('dup.yaml')}: name: scenario 'ok' is already defined in ${s('ok.yaml')}`
  ])
  t.equal(res.err.length, 9)
  t.same(res.out, ['ok: 1 files'], 'only ok.yaml passed')
})

t.test('without arguments: SCENARIOS_DIR, FIXTURES_DIR and SCENARIOS from the environment', async (t) => {
  const dir = t.testdir({ scenarios: { 'a.yaml': GOOD_SCENARIO, 'b.yaml': 'rules: []\n' }, fixtures: { 'users.json': GOOD_USERS } })
  const env = { SCENARIOS_DIR: join(dir, 'scenarios'), FIXTURES_DIR: join(dir, 'fixtures'), SCENARIOS: 'a,nope' }
  const res = await run([], env)
  t.equal(res.code, 1)
  t.same(res.err, [
    `${join(dir, 'scenarios', 'b.yaml')}: rules: Too small: expected array to have >=1 items`,
    `${join(dir, 'scenarios')}: SCENARIOS: no scenario 'nope' in this folder`
  ])
  t.same(res.out, ['ok: 2 files'])
  const missing = await run([], { SCENARIOS_DIR: join(dir, 'none'), FIXTURES_DIR: join(dir, 'none') })
  t.equal(missing.code, 1)
  t.match(missing.err, [/none: \(root\): cannot be read \(ENOENT\)$/, /none: \(root\): cannot be read \(ENOENT\)$/])
})

t.test('the command line: exit code and streams', async (t) => {
  const dir = t.testdir({ 'bad.yaml': 'rules: []\n' })
  const res = runCompiled(['validate', join(dir, 'bad.yaml')])
  t.equal(res.status, 1)
  t.equal(res.stdout, 'ok: 0 files\n')
  t.match(res.stderr, /bad\.yaml: rules: /)
})
