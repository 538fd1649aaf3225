/**
 * A body over a face's limit is refused before anything reads it: 413, in the face's own shape,
 * with the face's "request invalid" code (the catalogue has no code of its own for it).
 */
import t from 'tap'
import { build } from '../helper.js'
import { shapeProblem } from '../support/hostile.js'

const KIB = 1024

t.test('oversize bodies answer 413 in each face\'s shape', async (t) => {
  const app = await build(t)
  const cases: Array<{ url: string, type: string, size: number, code: string }> = [
    { url: '/v1/helseindikator', type: 'application/json', size: 64 * KIB + 1, code: 'KJF-000206' },
    { url: '/api/session/create', type: 'application/json', size: 64 * KIB + 1, code: 'KJF-000260' },
    { url: '/v1/fhir/Condition', type: 'application/fhir+json', size: 256 * KIB + 1, code: 'KJF-000260' },
    { url: '/api/critical-information/v1/Condition', type: 'application/fhir+json', size: 256 * KIB + 1, code: 'KI-0007' },
    { url: '/connect/token', type: 'application/x-www-form-urlencoded', size: 1024 * KIB + 1, code: 'invalid_request' },
    { url: '/v2/create-test-token-with-key', type: 'application/json', size: 1024 * KIB + 1, code: 'isError' },
    { url: '/__admin/clients', type: 'application/json', size: 1024 * KIB + 1, code: 'invalid_request' }
  ]
  for (const c of cases) {
    const payload = `{"x":"${'a'.repeat(c.size)}"}`
    const res = await app.inject({ method: 'POST', url: c.url, headers: { 'content-type': c.type }, payload })
    t.equal(res.statusCode, 413, `${c.url}: 413`)
    t.equal(shapeProblem('POST', c.url, res), undefined, `${c.url}: in the face's shape`)
    const body = res.json()
    const code = res.headers['nhn-error-code'] ?? body.error ?? (body.isError === true ? 'isError' : undefined)
    t.equal(code, c.code, `${c.url}: ${c.code}`)
  }
})

t.test('a body just under the limit is read', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'POST', url: '/v1/helseindikator', headers: { 'content-type': 'application/json' }, payload: `{"x":"${'a'.repeat(60 * KIB)}"}` })
  t.not(res.statusCode, 413)
  t.equal(res.headers['nhn-error-code'], 'KJF-000279', 'the chain ran: no token is the first fault')
})
