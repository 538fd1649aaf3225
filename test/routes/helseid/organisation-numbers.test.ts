/** Organisation numbers as HelseID puts them in tokens (domain/helseid/organisation-numbers.ts). */
import t from 'tap'
import { decodeJwt } from 'jose'
import { CLIENT_ASSERTION_TYPE } from '../../../server/domain/helseid/claims.js'
import { build, clientAssertion, tokenRequest } from '../../helper.js'
import { ownClient, structure } from '../../support/org-structure.js'

const PARENT = 'helseid://claims/client/claims/orgnr_parent'
const CHILD = 'helseid://claims/client/claims/orgnr_child'

t.test('single-tenant: orgnr_parent from the registration, orgnr_child only from the structure', async (t) => {
  const app = await build(t)
  const client = await ownClient(app)
  const none = await client.token()
  t.equal(none.statusCode, 200, none.body)
  const plain = decodeJwt(none.json().access_token)
  t.equal(plain[PARENT], '310001147')
  t.notOk(CHILD in plain, 'no structure, no orgnr_child')
  const forms: Array<[string, Record<string, unknown> | Array<Record<string, unknown>>]> = [
    ['today\'s single-tenant form (bare child)', [structure('urn:oid:2.16.578.1.12.4.1.4.101', '310001295')]],
    ['the older form with ISO 6523', [structure('urn:oid:1.0.6523', 'NO:ORGNR:310001147:310001295')]],
    ['the older form with the Enhetsregisteret OID', [structure('urn:oid:2.16.578.1.12.4.1.4.101', 'NO:ORGNR:310001147:310001295')]],
    ['one entry, not an array (as NHN\'s C# samples send it)', structure('urn:oid:1.0.6523', 'NO:ORGNR:310001147:310001295')]
  ]
  for (const [name, details] of forms) {
    const res = await client.token({ authorization_details: details })
    t.equal(res.statusCode, 200, `${name}: ${res.body}`)
    t.match(decodeJwt(res.json().access_token), { [PARENT]: '310001147', [CHILD]: '310001295' }, name)
  }
})

t.test('malformed structures get HelseID\'s HID codes', async (t) => {
  const app = await build(t)
  const client = await ownClient(app)
  const cases: Array<[string, unknown, RegExp]> = [
    ['another parent', [structure('urn:oid:1.0.6523', 'NO:ORGNR:310001406:310001295')], /^HID-1001/],
    ['eight digits', [structure('urn:oid:2.16.578.1.12.4.1.4.101', '31000129')], /^HID-1004/],
    ['unknown system', [structure('urn:oid:9.9', '310001295')], /^HID-1007/],
    ['no identifier', [{ type: 'helseid_authorization', practitioner_role: {} }], /^HID-1007/],
    ['wrong type', [{ type: 'helseid_authorization', practitioner_role: { organization: { identifier: { system: 'urn:oid:1.0.6523', type: 'ORG', value: 'NO:ORGNR:310001147' } } } }], /^HID-1007/],
    ['bare number with ISO 6523', [structure('urn:oid:1.0.6523', '310001295')], /^HID-1007/],
    ['not JSON', 'not json', /^HID-1007/]
  ]
  for (const [name, details, description] of cases) {
    const res = await client.token({ authorization_details: details })
    t.equal(res.statusCode, 400, name)
    t.match(res.json(), { error: 'invalid_request', error_description: description }, name)
  }
})

t.test('multi-tenant: the parent must be one the client represents', async (t) => {
  const app = await build(t)
  const client = await ownClient(app, { client_id: 'saas-ehr', tenancy: 'multi', orgnr_supplier: '310001406', represents: ['310001147'] })
  const ok = await client.token({ authorization_details: [structure('urn:oid:1.0.6523', 'NO:ORGNR:310001147:310001295')] })
  t.equal(ok.statusCode, 200, ok.body)
  t.match(decodeJwt(ok.json().access_token), {
    [PARENT]: '310001147',
    [CHILD]: '310001295',
    'helseid://claims/client/claims/orgnr_supplier': '310001406',
    'helseid://claims/client/claims/client_tenancy': 'multi-tenant'
  })
  const foreign = await client.token({ authorization_details: [structure('urn:oid:1.0.6523', 'NO:ORGNR:310001295')] })
  t.match(foreign.json(), { error: 'invalid_request', error_description: /^HID-1001.*may not represent 310001295/ })
  const none = await client.token()
  t.equal(none.statusCode, 200)
  t.notOk(PARENT in decodeJwt(none.json().access_token), 'without a structure a multi-tenant token has no parent')
  const bad = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'x', client_secret: 'long-enough', orgnr_parent: '310001147', represents: ['310001147'] } })
  t.equal(bad.statusCode, 400, 'represents is for multi-tenant clients')
})

t.test('a registration\'s default child still works, and the journal says so', async (t) => {
  const app = await build(t)
  const res = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })
  t.equal(decodeJwt(res.json().access_token)[CHILD], '310001295')
  const sent = await tokenRequest(app, {
    grant_type: 'client_credentials',
    scope: 'nhn:kjernejournal/api',
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: await clientAssertion({ claims: { authorization_details: [structure('urn:oid:2.16.578.1.12.4.1.4.101', '310001406')] } })
  })
  t.equal(decodeJwt(sent.json().access_token)[CHILD], '310001406', 'the structure wins over the default')
  const journal = (await app.inject('/__admin/requests?path=/connect/token')).json()
  t.same(journal.requests.map((e: { defaultChildOrganisation?: boolean }) => e.defaultChildOrganisation ?? false), [false, true], 'newest first: only the first token used the default')
})

t.test('a secret client may not send organisation numbers (HID-1008)', async (t) => {
  const app = await build(t)
  const res = await app.inject({
    method: 'POST',
    url: '/connect/par',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      client_id: 'sandbox-demo-ehr-secret',
      client_secret: 'sandbox-demo-secret',
      response_type: 'code',
      redirect_uri: 'http://ehr.test/callback',
      scope: 'openid nhn:kjernejournal/api',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      test_pid: '01887840020',
      authorization_details: JSON.stringify([structure('urn:oid:2.16.578.1.12.4.1.4.101', '310001295')])
    }).toString()
  })
  t.equal(res.statusCode, 201, 'PAR keeps the structure')
  const requestUri = res.json().request_uri as string
  const authorize = await app.inject(`/connect/authorize?client_id=sandbox-demo-ehr-secret&request_uri=${encodeURIComponent(requestUri)}`)
  const code = new URL(authorize.headers.location as string).searchParams.get('code') as string
  const token = await tokenRequest(app, {
    grant_type: 'authorization_code',
    code,
    code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    redirect_uri: 'http://ehr.test/callback',
    client_id: 'sandbox-demo-ehr-secret',
    client_secret: 'sandbox-demo-secret',
    client_assertion: undefined
  })
  t.match(token.json(), { error: 'invalid_request', error_description: /^HID-1008/ })
})
