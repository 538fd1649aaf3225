/**
 * Rewrites the generated sections of README.md (between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`), and writes docs/security.md from the attack catalogue. Run with
 * `npm run docs`; test/readme.test.ts and test/security/security-doc.test.ts fail when they drift.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { writeScenarioSchema } from '../server/domain/scenarios/json-schema.js'
import { generatedSections, replaceSection } from './readme-sections.js'
import { SECURITY_DOC, securityDoc } from './security-doc.js'

const file = new URL('../README.md', import.meta.url)
let text = readFileSync(file, 'utf8')
for (const [name, content] of Object.entries(generatedSections())) text = replaceSection(text, name, content)
writeFileSync(file, text)
writeScenarioSchema()
writeFileSync(SECURITY_DOC, securityDoc())
