import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { REPO_ROOT, generatedFiles, sectionOf } from '../docs/generated-sections.js'

const read = (path: string): string => readFileSync(new URL(path, REPO_ROOT), 'utf8')
const readme = read('README.md')

t.test('the generated sections of the README and docs/ match the code (run `npm run docs` to refresh)', async (t) => {
  for (const [path, sections] of Object.entries(generatedFiles())) {
    const text = read(path)
    for (const [name, content] of Object.entries(sections)) t.equal(sectionOf(text, name), content, `${path}: ${name}`)
  }
})

t.test('the README\'s first screen has the two commands a newcomer needs', async (t) => {
  const firstScreen = readme.split('\n').slice(0, 30).join('\n')
  t.match(firstScreen, /npm ci && npm start/)
  t.match(firstScreen, /npm test/)
})

t.test('the README is a front door: at most 600 lines, with the EHR flow in the first 150', async (t) => {
  const lines = readme.split('\n')
  t.ok(lines.length <= 600, `${lines.length} lines`)
  const flowEnd = lines.indexOf('<!-- /generated:ehr-flow -->')
  t.ok(flowEnd > 0 && flowEnd < 150, `the EHR flow ends on line ${flowEnd + 1}`)
})

t.test('every "| code | HTTP |" pair the README and docs/ state matches the catalogue', async (t) => {
  const { catalogueEntry, isErrorCode } = await import('../server/domain/error-catalogue.js')
  const pairsIn = (text: string): RegExpMatchArray[] => [...text.matchAll(/\| ((?:KJF|KJS|KJX|KI)-\d{4,6}) \| (\d{3}) \|/g)]
  const docs = readdirSync(new URL('docs/', REPO_ROOT)).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)
  const pairs = new Map([['README.md', pairsIn(readme)], ...docs.map((path) => [path, pairsIn(read(path))] as const)])
  t.ok((pairs.get('README.md') ?? []).length >= 15, 'the REST error table is there')
  t.ok((pairs.get('docs/errors.md') ?? []).length >= 15, 'the catalogue table is there')
  t.ok((pairs.get('docs/critical-information.md') ?? []).length >= 10, 'the FHIR faces\' error table is there')
  for (const [path, found] of pairs) {
    for (const [, code, status] of found) {
      t.ok(isErrorCode(code as string), `${path}: ${code} is in the catalogue`)
      if (isErrorCode(code as string)) t.equal(String(catalogueEntry(code as never).httpStatus), status, `${path}: ${code}`)
    }
  }
})
