/**
 * scenarios/scenario.schema.json: the JSON Schema of scenario files, generated from the zod
 * schema that checks them, for editors (YAML: `# yaml-language-server: $schema=./scenario.schema.json`).
 * `npm run docs` writes it; test/scenarios/schema.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { builtInScenariosDir } from '../../paths.js'
import { scenarioSchema } from './schema.js'

export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json'

/** The schema as the file holds it. */
export function scenarioJsonSchemaText (): string {
  // io 'input': what an author writes (optional fields stay optional).
  return `${JSON.stringify(z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }), null, 2)}\n`
}

export function writeScenarioSchema (dir: string = builtInScenariosDir): void {
  writeFileSync(join(dir, SCENARIO_SCHEMA_FILE), scenarioJsonSchemaText())
}
