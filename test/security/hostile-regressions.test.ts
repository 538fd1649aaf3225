/**
 * Inputs the property tests found that the sandbox answered wrongly, kept as plain cases so a
 * regression fails here with a readable name.
 */
import t from 'tap'
import { build } from '../helper.js'
import { shapeProblem } from '../support/hostile.js'

t.test('a URL with broken percent-encoding gets the face\'s shape, not Fastify\'s', async (t) => {
  const app = await build(t)
  const cases: Array<[string, string, string | undefined]> = [
    ['/v1/helseindikator/%zz', 'KJF-000206', undefined],
    ['/v1/fhir/Condition/%zz', 'KI-0007', 'OperationOutcome'],
    ['/api/critical-information/v1/Condition/%zz', 'KI-0007', 'OperationOutcome'],
    ['/connect/token/%zz', 'invalid_request', undefined],
    ['/__admin/clients/%zz', 'invalid_request', undefined]
  ]
  for (const [url, code] of cases) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 400, url)
    t.equal(shapeProblem('GET', url, res), undefined, `${url} in its face's shape`)
    const body = res.json()
    t.equal(body.feilkode ?? body.error ?? res.headers['nhn-error-code'], code === 'KI-0007' && url.startsWith('/v1/fhir') ? 'KJF-000260' : code, url)
  }
})

t.test('a path the router resolves out of a face\'s prefix still answers in that face\'s shape', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/api/critical-information/x/../_history' })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['nhn-error-code'], 'KI-0007')
  t.equal(res.json().resourceType, 'OperationOutcome')
})

t.test('/s/<not a session id>/... belongs to no face: the sandbox\'s own 404', async (t) => {
  const app = await build(t)
  for (const url of ['/s/%00/v1/helseindikator/status', `/s/${'x'.repeat(65)}/v1/ping`]) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 404, url)
    t.equal(res.json().error, 'not_found')
    t.equal(shapeProblem('GET', url, res), undefined, `${url} in shape`)
  }
})

t.test('a deeply nested body to the test-token service is a TTT error, not a stack overflow', async (t) => {
  const app = await build(t)
  const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)
  const res = await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', headers: { 'content-type': 'application/json' }, payload: deep })
  t.equal(res.statusCode, 400)
  t.equal(res.json().isError, true)
  const nested = await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', headers: { 'content-type': 'application/json' }, payload: `{"audience":"nhn:kjernejournal","clientClaimsParameters":${deep}}` })
  t.ok(nested.statusCode < 500, `nested parameters: ${nested.statusCode}`)
})

t.test('a body error on a path resolved out of a face\'s prefix is in that face\'s shape', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'DELETE', url: '/s/default/api/critical-information/v1/..//_history/', headers: { 'content-type': 'application/json' } })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['nhn-error-code'], 'KI-0007')
  t.equal(res.json().resourceType, 'OperationOutcome')
})
