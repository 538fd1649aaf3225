import t from 'tap'
import { duplicateNameProblems, isScenarioFileName, parseScenarioText } from '../../../server/domain/scenarios/scenario-file.js'

t.test('YAML and JSON; the name from the file', async (t) => {
  const yaml = parseScenarioText('slow.yaml', 'rules:\n  - then: { delay: 5 }\n')
  t.ok(yaml.ok && yaml.scenario.name === 'slow' && yaml.scenario.file === 'slow.yaml')
  const yml = parseScenarioText('dir/x.yml', 'name: other\nrules: [{ then: { delay: 5 } }]\n')
  t.ok(yml.ok && yml.scenario.name === 'other')
  const json = parseScenarioText('j.json', JSON.stringify({ rules: [{ then: { error: 'KJS-000077' } }] }))
  t.ok(json.ok && json.scenario.name === 'j')
})

t.test('problems name file and field', async (t) => {
  t.same(parseScenarioText('b.yaml', 'rules:\n  - then: { error: KJF-1 }\n'), { ok: false, problems: [{ file: 'b.yaml', field: 'rules[0].then.error', message: "unknown catalogue code 'KJF-1'" }] })
  const yaml = parseScenarioText('b.yaml', 'rules: [\n')
  t.match(yaml, { ok: false, problems: [{ file: 'b.yaml', field: '(root)', message: /^not valid YAML: / }] })
  const dup = parseScenarioText('b.yaml', 'rules: []\nrules: []\n')
  t.match(dup, { ok: false, problems: [{ field: '(root)', message: /not valid YAML: .*unique/i }] }, 'duplicate keys are refused')
  t.match(parseScenarioText('b.json', '{'), { ok: false, problems: [{ field: '(root)', message: /^not valid JSON: / }] })
  t.match(parseScenarioText('b.yaml', ''), { ok: false, problems: [{ field: '(root)' }] }, 'an empty file')
})

t.test('which files are scenarios', async (t) => {
  t.ok(isScenarioFileName('a.yaml'))
  t.ok(isScenarioFileName('a.YML'))
  t.ok(isScenarioFileName('a.json'))
  t.notOk(isScenarioFileName('scenario.schema.json'), 'the generated schema is not')
  t.notOk(isScenarioFileName('.hidden.yaml'))
  t.notOk(isScenarioFileName('notes.md'))
})

t.test('a second scenario of the same name is its file\'s problem', async (t) => {
  t.same(duplicateNameProblems([{ file: 'a.yaml', name: 'x' }, { file: 'b.yaml', name: 'y' }, { file: 'c.yaml', name: 'x' }]), [
    { file: 'c.yaml', field: 'name', message: "scenario 'x' is already defined in a.yaml" }
  ])
})
