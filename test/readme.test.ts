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
