import t from 'tap'
import { readFileSync } from 'node:fs'
import { generatedSections, sectionOf } from '../docs/readme-sections.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

t.test('the README\'s generated sections match the code (run `npm run docs` to refresh)', async (t) => {
  for (const [name, content] of Object.entries(generatedSections())) {
    t.equal(sectionOf(readme, name), content, name)
  }
})

t.test('the README\'s first screen has the two commands a newcomer needs', async (t) => {
  const firstScreen = readme.split('\n').slice(0, 30).join('\n')
  t.match(firstScreen, /npm ci && npm start/)
  t.match(firstScreen, /npm test/)
})

t.test('every "| code | HTTP |" pair the README states matches the catalogue', async (t) => {
  const { catalogueEntry, isErrorCode } = await import('../server/domain/error-catalogue.js')
  const pairs = [...readme.matchAll(/\| ((?:KJF|KJS|KJX|KI)-\d{4,6}) \| (\d{3}) \|/g)]
  t.ok(pairs.length >= 15, 'the REST error table is there')
  for (const [, code, status] of pairs) {
    t.ok(isErrorCode(code as string), `${code} is in the catalogue`)
    if (isErrorCode(code as string)) t.equal(String(catalogueEntry(code as never).httpStatus), status, code)
  }
})
