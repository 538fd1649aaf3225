/**
 * Rewrites the generated sections of README.md (between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`). Run with `npm run docs`; test/readme.test.ts fails when they drift.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { writeScenarioSchema } from '../server/domain/scenarios/json-schema.js'
import { generatedSections, replaceSection } from './readme-sections.js'

const file = new URL('../README.md', import.meta.url)
let text = readFileSync(file, 'utf8')
for (const [name, content] of Object.entries(generatedSections())) text = replaceSection(text, name, content)
writeFileSync(file, text)
writeScenarioSchema()
