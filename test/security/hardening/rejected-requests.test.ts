/**
 * Issue 18, item 5: a rejected request changes nothing. An absurd clock move answered 500 but
 * kept the new offset, after which every dashboard answered 500; deeply nested JSON reached
 * recursive code and gave 500s, and a record nested ~2000 deep was stored but could not be
 * deleted (robustness probe, findings 6 and 7).
 */
import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { build } from '../../helper.js'
import { ci, ciToken, kjUserToken, legacy, ticketFor } from '../../support/critical-info.js'

const PLAIN = '24868510168'

function nested (depth: number): unknown {
  return JSON.parse('['.repeat(depth) + '"x"' + ']'.repeat(depth))
}

t.test('an absurd clock move is a 400 and the clock stays where it was', async (t) => {
  const app = await build(t)
  const before = (await app.inject({ url: '/s/c/__admin/clock' })).json().offsetMs
  for (const payload of [{ hours: 1e300 }, { minutes: 9007199254740992 }, { seconds: -1e17 }]) {
    const res = await app.inject({ method: 'POST', url: '/s/c/__admin/clock/advance', payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.equal((await app.inject({ url: '/s/c/__admin/clock' })).json().offsetMs, before, 'unchanged')
  }
  const far = await app.inject({ method: 'PUT', url: '/s/c/__admin/clock', payload: { now: '+275000-01-01T00:00:00Z' } })
  t.equal(far.statusCode, 400, 'a date far outside the range')
  t.equal((await app.inject({ url: '/__admin/sessions' })).statusCode, 200, 'the session list still answers')
  t.equal((await app.inject({ url: '/s/c/' })).statusCode, 200, 'and the dashboard')
  const fine = await app.inject({ method: 'POST', url: '/s/c/__admin/clock/advance', payload: { hours: 24 * 365 * 10 } })
  t.equal(fine.statusCode, 200, 'ten years ahead is still fine')
})

t.test('deeply nested JSON is a 400 in the face\'s shape and nothing is stored', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const resource = { ...sampleResource('KjAllergyIntolerance', PLAIN) as Record<string, unknown>, note: [{ text: 'dyp' }], extension: [{ url: 'http://x', valueString: nested(2100) }] }
  const before = (await ci(app, 'GET', '/AllergyIntolerance', { token, nin: PLAIN })).json().total
  const created = await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body: resource })
  t.equal(created.statusCode, 400)
  t.equal(created.headers['nhn-error-code'], 'KI-0007')
  t.equal(created.json().resourceType, 'OperationOutcome')
  t.equal((await ci(app, 'GET', '/AllergyIntolerance', { token, nin: PLAIN })).json().total, before, 'nothing stored')

  const viaTicket = await legacy(app, 'POST', '/AllergyIntolerance', { token: await kjUserToken(app), ticket: await ticketFor(app, PLAIN), body: resource })
  t.equal(viaTicket.statusCode, 400, 'the ticket face too')
  t.equal(viaTicket.json().resourceType, 'OperationOutcome')

  const deep = '['.repeat(5000) + ']'.repeat(5000)
  const admin = await app.inject({ method: 'POST', url: '/__admin/scenarios', headers: { 'content-type': 'application/json' }, payload: `{"name":"deep","rules":[{"when":{"path":"/x"},"then":{"body":${deep}}}]}` })
  t.equal(admin.statusCode, 400, 'an admin body')
  t.equal(admin.json().error, 'invalid_request')
  const rest = await app.inject({ method: 'POST', url: '/v1/helseindikator', headers: { 'content-type': 'application/json' }, payload: `{"fnr":${deep}}` })
  t.ok(rest.statusCode < 500, `the REST face: ${rest.statusCode}`)
  t.equal((await app.inject({ method: 'POST', url: '/s/c/__admin/clock/advance', payload: { minutes: 1 } })).statusCode, 200, 'ordinary bodies still pass')
})
