import t from 'tap'
import { requestFacts, type RequestInput } from '../../../server/domain/scenarios/facts.js'
import { jsonEqual, nthHolds, valueAt, whenHolds } from '../../../server/domain/scenarios/match.js'
import { parseScenario } from '../../../server/domain/scenarios/scenario.js'

const facts = (input: Partial<RequestInput> = {}) => requestFacts({ url: '/v1/ping', method: 'GET', headers: {}, body: undefined, ...input })
const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`

/** Whether a rule with this `when` (and a delay) holds for the request, in state Started. */
function holds (when: Record<string, unknown>, input: Partial<RequestInput> = {}, state = 'Started', then: Record<string, unknown> = { delay: 1 }): boolean {
  const rule = parseScenario({ rules: [{ when, then }] }, 't').rules[0]!
  return whenHolds(rule, facts(input), state)
}

t.test('no when: every face but admin', async (t) => {
  t.ok(holds({}))
  t.ok(holds({}, { url: '/connect/token' }))
  t.notOk(holds({}, { url: '/__admin/scenarios' }))
  t.ok(holds({ face: 'admin' }, { url: '/__admin/scenarios' }), 'unless the rule names it')
})

t.test('face', async (t) => {
  t.ok(holds({ face: 'kjernejournal' }))
  t.notOk(holds({ face: 'fhir-legacy' }))
  t.ok(holds({ face: ['fhir-legacy', 'kjernejournal'] }))
  t.notOk(holds({}, { url: '/connect/token' }, 'Started', { error: 'KJS-000077' }), 'catalogue errors skip HelseID')
  t.notOk(holds({}, {}, 'Started', { oauthError: 'server_error' }), 'OAuth errors only at HelseID')
  t.ok(holds({}, { url: '/connect/token' }, 'Started', { oauthError: 'server_error' }))
})

t.test('method, path', async (t) => {
  t.ok(holds({ method: 'get' }))
  t.notOk(holds({ method: ['POST', 'PUT'] }))
  t.ok(holds({ path: '/v1/ping' }))
  t.ok(holds({ path: ['/x', '/v1/*'] }))
  t.notOk(holds({ path: '/v1/helseindikator' }))
  t.ok(holds({ path: '/v1/ping' }, { url: '/s/abc/v1/ping?x=1' }), 'without session prefix and query')
})

t.test('patient, user, clientId, organisation', async (t) => {
  const headers = { authorization: `Bearer ${jwt({ 'helseid://claims/identity/pid': 'P', 'helseid://claims/hpr/hpr_number': 'H', client_id: 'C', 'helseid://claims/client/claims/orgnr_parent': 'O' })}`, 'nhn-patient-nin': 'N' }
  t.ok(holds({ patient: 'N' }, { headers }))
  t.ok(holds({ patient: ['X', 'N'] }, { headers }))
  t.notOk(holds({ patient: 'X' }, { headers }))
  t.notOk(holds({ patient: 'N' }), 'no patient in the request')
  t.ok(holds({ user: 'P' }, { headers }))
  t.ok(holds({ user: 'H' }, { headers }))
  t.notOk(holds({ user: 'X' }, { headers }))
  t.ok(holds({ clientId: 'C' }, { headers }))
  t.notOk(holds({ clientId: 'X' }, { headers }))
  t.ok(holds({ organisation: 'O' }, { headers }))
  t.notOk(holds({ organisation: 'X' }, { headers }))
})

t.test('header: equals, any of, present, absent', async (t) => {
  const headers = { 'x-a': 'b' }
  t.ok(holds({ header: { 'X-A': 'b' } }, { headers }), 'names in any case')
  t.notOk(holds({ header: { 'x-a': 'B' } }, { headers }), 'values exactly')
  t.ok(holds({ header: { 'x-a': ['c', 'b'] } }, { headers }))
  t.ok(holds({ header: { 'x-a': true } }, { headers }))
  t.notOk(holds({ header: { 'x-z': true } }, { headers }))
  t.ok(holds({ header: { 'x-z': false } }, { headers }))
  t.notOk(holds({ header: { 'x-a': false } }, { headers }))
  t.ok(holds({ header: { 'x-a': 'b' } }, { headers: { 'x-a': ['c', 'b'] } }), 'a repeated header: any of its values')
})

t.test('body: dotted paths, compared as JSON', async (t) => {
  const body = JSON.stringify({ fnr: '1', a: { b: [{ c: 2 }] }, o: { x: 1, y: 2 } })
  t.ok(holds({ body: { fnr: '1' } }, { body }))
  t.ok(holds({ body: { 'a.b.0.c': 2 } }, { body }))
  t.ok(holds({ body: { o: { y: 2, x: 1 } } }, { body }), 'key order does not matter')
  t.notOk(holds({ body: { 'a.b.0.c': '2' } }, { body }), 'types matter')
  t.notOk(holds({ body: { fnr: '1' } }), 'no body')
  t.ok(holds({ body: { grant_type: 'client_credentials' } }, { url: '/connect/token', body: { grant_type: 'client_credentials' } }), 'form bodies too')
  t.equal(valueAt({ a: null }, 'a.b'), undefined)
  t.notOk(jsonEqual([1], { 0: 1 }))
  t.notOk(jsonEqual({ a: 1 }, { a: 1, b: 2 }))
})

t.test('state', async (t) => {
  t.ok(holds({ state: 'Started' }))
  t.notOk(holds({ state: 'expired' }))
  t.ok(holds({ state: ['x', 'expired'] }, {}, 'expired'))
})

t.test('nth', async (t) => {
  t.ok(nthHolds(undefined, 5))
  t.same([1, 2, 3, 4].map((n) => nthHolds(3, n)), [false, false, true, false])
  t.same([1, 2, 3, 4, 5, 6].map((n) => nthHolds({ every: 2 }, n)), [false, true, false, true, false, true])
})
