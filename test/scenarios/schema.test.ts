/** scenarios/scenario.schema.json is generated from the zod schema; `npm run docs` refreshes it. */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtInScenariosDir } from '../../server/paths.js'
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText, writeScenarioSchema } from '../../server/domain/scenarios/json-schema.js'
import { CATALOGUE } from '../../server/domain/error-catalogue.js'

t.test('the JSON Schema file is current (run `npm run docs` to refresh)', async (t) => {
  t.equal(readFileSync(join(builtInScenariosDir, SCENARIO_SCHEMA_FILE), 'utf8'), scenarioJsonSchemaText())
})

t.test('it lists every catalogue code for editors', async (t) => {
  const schema = JSON.parse(scenarioJsonSchemaText())
  t.same(schema.$defs.ErrorCode.enum, CATALOGUE.map((e) => e.code))
  t.equal(schema.additionalProperties, false)
})

t.test('writeScenarioSchema writes it where it is told', async (t) => {
  const dir = t.testdir({})
  writeScenarioSchema(dir)
  t.equal(readFileSync(join(dir, SCENARIO_SCHEMA_FILE), 'utf8'), scenarioJsonSchemaText())
})
