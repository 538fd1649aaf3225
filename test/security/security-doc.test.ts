import t from 'tap'
import { readFileSync } from 'node:fs'
import { SECURITY_DOC, securityDoc } from '../../docs/security-doc.js'

t.test('docs/security.md is generated from the attack catalogue (run `npm run docs` to refresh)', async (t) => {
  t.equal(readFileSync(SECURITY_DOC, 'utf8'), securityDoc())
})
