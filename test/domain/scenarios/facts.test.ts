import t from 'tap'
import { decodeJwtPayload, requestFacts, type RequestInput } from '../../../server/domain/scenarios/facts.js'

const facts = (input: Partial<RequestInput>) => requestFacts({ url: '/v1/ping', method: 'get', headers: {}, body: undefined, ...input })
const jwt = (claims: Record<string, unknown>) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`

t.test('face, method and path', async (t) => {
  const f = facts({ url: '/s/x/v1/fhir/Patient/$everything?a=1' })
  t.equal(f.face, 'fhir-legacy')
  t.equal(f.method, 'GET')
  t.equal(f.path, '/v1/fhir/Patient/$everything')
})

t.test('the patient, from wherever the request names one', async (t) => {
  t.same(facts({ body: '{"fnr":"24868510168"}' }).patients, ['24868510168'], 'REST body fnr (text)')
  t.same(facts({ headers: { 'nhn-patient-nin': '1' } }).patients, ['1'])
  t.same(facts({ headers: { 'hit-patient-pid': '2' } }).patients, ['2'])
  t.same(facts({ body: JSON.stringify({ resourceType: 'AllergyIntolerance', patient: { identifier: { value: '3' } } }) }).patients, ['3'])
  t.same(facts({ body: JSON.stringify({ resourceType: 'Condition', subject: { identifier: { value: '4' } } }) }).patients, ['4'])
  t.same(facts({ ticketPatient: '5' }).patients, ['5'], 'the ticket\'s patient')
  t.same(facts({ body: 'not json' }).patients, [])
  t.same(facts({ body: '{broken' }).body, undefined)
})

t.test('user, client and organisation come from the token, unverified', async (t) => {
  const token = jwt({
    'helseid://claims/identity/pid': '01887840020',
    'helseid://claims/hpr/hpr_number': '900100101',
    client_id: 'ehr',
    'helseid://claims/client/claims/orgnr_child': '310001295',
    'helseid://claims/client/claims/orgnr_parent': '310001147'
  })
  for (const scheme of ['Bearer', 'DPoP']) {
    const f = facts({ headers: { authorization: `${scheme} ${token}` } })
    t.same(f.users, ['01887840020', '900100101'], scheme)
    t.same(f.clientIds, ['ehr'])
    t.same(f.organisations, ['310001295', '310001147'])
  }
  t.same(facts({ headers: { authorization: 'Bearer not-a-jwt' } }).users, [])
  t.same(facts({ headers: { authorization: `Basic ${token}` } }).users, [])
})

t.test('at HelseID, the client asking for a token', async (t) => {
  t.same(facts({ url: '/connect/token', body: { client_id: 'a' } }).clientIds, ['a'])
  t.same(facts({ url: '/connect/token', body: { client_assertion: jwt({ sub: 'b', iss: 'b' }) } }).clientIds, ['b'])
})

t.test('decodeJwtPayload only takes JSON objects', async (t) => {
  t.same(decodeJwtPayload(jwt({ a: 1 })), { a: 1 })
  t.equal(decodeJwtPayload('a'), undefined)
  t.equal(decodeJwtPayload(`x.${Buffer.from('[1]').toString('base64url')}.y`), undefined)
  t.equal(decodeJwtPayload('x.%%%.y'), undefined)
})
