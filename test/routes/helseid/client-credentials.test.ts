import t from 'tap'
import { createLocalJWKSet, jwtVerify } from 'jose'
import { build, ISSUER, tokenRequest } from '../../helper.js'

t.test('client_credentials with private_key_jwt gives a HelseID-shaped system token', async (t) => {
  const app = await build(t)
  const res = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.headers['cache-control'], 'no-store')
  const body = res.json()
  t.match(body, { token_type: 'Bearer', expires_in: 600, scope: 'nhn:kjernejournal/api' })
  const jwks = (await app.inject('/.well-known/openid-configuration/jwks')).json()
  const { payload, protectedHeader } = await jwtVerify(body.access_token, createLocalJWKSet(jwks), { issuer: ISSUER, audience: 'nhn:kjernejournal' })
  t.match(protectedHeader, { alg: 'RS256', typ: 'at+jwt', kid: jwks.keys[0].kid })
  t.match(payload, {
    aud: 'nhn:kjernejournal',
    client_id: 'sandbox-demo-ehr',
    scope: ['nhn:kjernejournal/api'],
    client_amr: 'private_key_jwt',
    'helseid://claims/client/amr': 'rsa_private_key',
    'helseid://claims/client/claims/orgnr_parent': '310001147',
    'helseid://claims/client/claims/orgnr_child': '310001295'
  })
  t.equal(payload.exp! - payload.iat!, 600)
  t.notOk('helseid://claims/identity/pid' in payload, 'a system token carries no user')
})

t.test('scopes of two APIs give two audiences; resource narrows to one', async (t) => {
  const app = await build(t)
  const both = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api nhn:critical-information/api' })
  const claims = JSON.parse(Buffer.from(both.json().access_token.split('.')[1], 'base64url').toString())
  t.same(claims.aud, ['nhn:kjernejournal', 'nhn:critical-information'])
  const one = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api nhn:critical-information/api', resource: 'nhn:critical-information' })
  const narrowed = JSON.parse(Buffer.from(one.json().access_token.split('.')[1], 'base64url').toString())
  t.equal(narrowed.aud, 'nhn:critical-information')
  t.same(narrowed.scope, ['nhn:critical-information/api'])
})

t.test('without scope, the client gets every API scope it may have', async (t) => {
  const app = await build(t)
  const res = await tokenRequest(app, { grant_type: 'client_credentials' })
  t.equal(res.statusCode, 200)
  t.match(res.json().scope, /nhn:kjernejournal\/api/)
})

t.test('a secret-authenticated client gets a token that says so (client_amr)', async (t) => {
  const app = await build(t)
  const res = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret', client_assertion: undefined })
  t.equal(res.statusCode, 200, res.body)
  const claims = JSON.parse(Buffer.from(res.json().access_token.split('.')[1], 'base64url').toString())
  t.equal(claims.client_amr, 'client_secret')
  const basic = await app.inject({
    method: 'POST',
    url: '/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('sandbox-demo-ehr-secret:sandbox-demo-secret').toString('base64')}` },
    payload: 'grant_type=client_credentials&scope=nhn%3Akjernejournal%2Fapi'
  })
  t.equal(basic.statusCode, 200, 'client_secret_basic works too')
})

t.test('scope errors are invalid_scope / invalid_target', async (t) => {
  const app = await build(t)
  const identity = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'openid nhn:kjernejournal/api' })
  t.match(identity.json(), { error: 'invalid_scope', error_description: /needs a logged-in user/ })
  const unknown = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:unknown/api' })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json(), { error: 'invalid_scope' })
  const target = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', resource: 'nhn:elsewhere' })
  t.match(target.json(), { error: 'invalid_target' })
})

t.test('request errors are OAuth JSON, never a 500', async (t) => {
  const app = await build(t)
  t.match((await tokenRequest(app, { grant_type: 'password' })).json(), { error: 'unsupported_grant_type' })
  t.match((await tokenRequest(app, {})).json(), { error: 'invalid_request', error_description: 'grant_type is required' })
  const json = await app.inject({ method: 'POST', url: '/connect/token', payload: { grant_type: 'client_credentials' } })
  t.equal(json.statusCode, 400)
  t.match(json.json(), { error: 'invalid_request', error_description: /x-www-form-urlencoded/ })
  const repeated = await app.inject({ method: 'POST', url: '/connect/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=client_credentials&grant_type=client_credentials' })
  t.match(repeated.json(), { error: 'invalid_request', error_description: /given once/ })
  const broken = await app.inject({ method: 'POST', url: '/connect/token', headers: { 'content-type': 'application/json' }, payload: '{"grant_type":' })
  t.equal(broken.statusCode, 400)
  t.match(broken.json(), { error: 'invalid_request' })
  const missing = await app.inject({ method: 'GET', url: '/connect/nothing' })
  t.equal(missing.statusCode, 404)
  t.match(missing.json(), { error: 'invalid_request' })
})
