/**
 * Rewrites the generated sections of README.md and docs/*.md (between `<!-- generated:NAME -->`
 * and `<!-- /generated:NAME -->`, listed in generated-sections.ts), the scenario JSON schema, and
 * docs/security.md from the attack catalogue. Run with `npm run docs`; test/readme.test.ts and
 * test/security/security-doc.test.ts fail when they drift.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { writeScenarioSchema } from '../server/domain/scenarios/json-schema.js'
import { REPO_ROOT, generatedFiles, replaceSection } from './generated-sections.js'
import { SECURITY_DOC, securityDoc } from './security-doc.js'

for (const [path, sections] of Object.entries(generatedFiles())) {
  const file = new URL(path, REPO_ROOT)
  let text = readFileSync(file, 'utf8')
  for (const [name, content] of Object.entries(sections)) text = replaceSection(text, name, content, path)
  writeFileSync(file, text)
}
writeScenarioSchema()
writeFileSync(SECURITY_DOC, securityDoc())
