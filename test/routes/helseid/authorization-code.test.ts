import t from 'tap'
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose'
import { build, ISSUER, tokenRequest } from '../../helper.js'
import { authorizeQuery, loginCode, pkce, REDIRECT_URI } from '../../support/login.js'

t.test('test-IdP hints skip the login page; the code redeems to user tokens', async (t) => {
  const app = await build(t)
  const { code, verifier, location } = await loginCode(app)
  t.equal(location.origin + location.pathname, REDIRECT_URI)
  t.equal(location.searchParams.get('state'), 'st-1')
  t.equal(location.searchParams.get('iss'), ISSUER)
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.ok(body.refresh_token, 'offline_access gives a refresh token')
  t.equal(body.rt_expires_in, 28800)
  const jwks = createLocalJWKSet((await app.inject('/.well-known/openid-configuration/jwks')).json())
  const { payload: at } = await jwtVerify(body.access_token, jwks, { issuer: ISSUER, audience: 'nhn:kjernejournal' })
  t.match(at, {
    client_id: 'sandbox-demo-ehr',
    'helseid://claims/identity/pid': '01887840020',
    'helseid://claims/identity/security_level': '4',
    'helseid://claims/identity/assurance_level': 'high',
    'helseid://claims/hpr/hpr_number': '900100101',
    'helseid://claims/client/claims/orgnr_parent': '310001147',
    name: 'Ingrid Lege',
    idp: 'testidp-oidc',
    amr: ['pwd']
  })
  t.type(at.sub, 'string')
  t.type(at.sid, 'string')
  t.same(at.scope, ['openid', 'profile', 'offline_access', 'nhn:kjernejournal/api'])
  const { payload: id } = await jwtVerify(body.id_token, jwks, { issuer: ISSUER, audience: 'sandbox-demo-ehr' })
  t.match(id, { nonce: 'n-1', sub: at.sub, sid: at.sid, name: 'Ingrid Lege' })
  t.type(id.at_hash, 'string')
})

t.test('the HelseID test-IdP security level hint and ad hoc persons', async (t) => {
  const app = await build(t)
  const { code, verifier } = await loginCode(app, { test_pid: '13116900216', test_security_level: '3' })
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })
  const at = decodeJwt(res.json().access_token)
  t.equal(at['helseid://claims/identity/pid'], '13116900216')
  t.equal(at['helseid://claims/identity/security_level'], '3')
  t.notOk(at['helseid://claims/hpr/hpr_number'], 'an ad hoc person has no HPR number')
  const hint = await loginCode(app, { test_pid: undefined, login_hint: '900100202' })
  const byHpr = await tokenRequest(app, { grant_type: 'authorization_code', code: hint.code, redirect_uri: REDIRECT_URI, code_verifier: hint.verifier })
  t.equal(decodeJwt(byHpr.json().access_token)['helseid://claims/identity/pid'], '15897140001', 'login_hint by HPR number')
})

t.test('wrong PKCE verifier, reused code, wrong redirect_uri and expired code are invalid_grant', async (t) => {
  const app = await build(t)
  const a = await loginCode(app)
  const wrong = await tokenRequest(app, { grant_type: 'authorization_code', code: a.code, redirect_uri: REDIRECT_URI, code_verifier: pkce().verifier })
  t.match(wrong.json(), { error: 'invalid_grant', error_description: /code_verifier/ })
  t.match((await tokenRequest(app, { grant_type: 'authorization_code', code: a.code, redirect_uri: REDIRECT_URI, code_verifier: a.verifier })).json(),
    { error: 'invalid_grant', error_description: /already used/ }, 'a code is spent even by a failed redemption')
  const b = await loginCode(app)
  const redirect = await tokenRequest(app, { grant_type: 'authorization_code', code: b.code, redirect_uri: 'http://ehr.test/other', code_verifier: b.verifier })
  t.match(redirect.json(), { error: 'invalid_grant', error_description: /redirect_uri/ })
  const c = await loginCode(app)
  app.sandbox.defaultSession.clock.advance(61_000)
  const late = await tokenRequest(app, { grant_type: 'authorization_code', code: c.code, redirect_uri: REDIRECT_URI, code_verifier: c.verifier })
  t.match(late.json(), { error: 'invalid_grant' }, 'the sandbox clock expires codes')
  t.match((await tokenRequest(app, { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI })).json(), { error: 'invalid_request' })
})

t.test('a code is for the client it was issued to', async (t) => {
  const app = await build(t)
  const { code, verifier } = await loginCode(app)
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_assertion: undefined, client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret' })
  t.match(res.json(), { error: 'invalid_grant', error_description: /another client/ })
})

t.test('without hints the login page lists the fixture users, and picking one returns a code', async (t) => {
  const app = await build(t)
  const { challenge } = pkce()
  const page = await app.inject(`/connect/authorize?${authorizeQuery({ code_challenge: challenge })}`)
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /text\/html/)
  t.match(page.body, /Ingrid Lege/)
  t.match(page.body, /900100101/)
  const interaction = /name="interaction" value="([^"]+)"/.exec(page.body)?.[1] as string
  const login = await app.inject({ method: 'POST', url: '/connect/authorize/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `interaction=${interaction}&pid=15897140001` })
  t.equal(login.statusCode, 302)
  t.match(login.headers.location, /^http:\/\/ehr\.test\/callback\?code=/)
  const again = await app.inject({ method: 'POST', url: '/connect/authorize/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `interaction=${interaction}&pid=15897140001` })
  t.equal(again.statusCode, 400, 'a login page is used once')
})

t.test('authorize errors: untrusted redirect is shown, the rest redirect back with error', async (t) => {
  const app = await build(t)
  const unknown = await app.inject('/connect/authorize?client_id=nobody&redirect_uri=http://x.test/cb')
  t.equal(unknown.statusCode, 400)
  t.match(unknown.body, /invalid_client/)
  const badRedirect = await app.inject(`/connect/authorize?${authorizeQuery({ redirect_uri: 'javascript:alert(1)', code_challenge: pkce().challenge })}`)
  t.equal(badRedirect.statusCode, 400, 'a script URI is never redirected to')
  const noPkce = await app.inject(`/connect/authorize?${authorizeQuery({})}`)
  t.equal(noPkce.statusCode, 302)
  const back = new URL(noPkce.headers.location as string)
  t.equal(back.searchParams.get('error'), 'invalid_request')
  t.match(back.searchParams.get('error_description'), /PKCE/)
  t.equal(back.searchParams.get('state'), 'st-1')
  const plain = await app.inject(`/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge, code_challenge_method: 'plain' })}`)
  t.match(new URL(plain.headers.location as string).searchParams.get('error_description'), /S256/)
  const noOpenid = await app.inject(`/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge, scope: 'nhn:kjernejournal/api' })}`)
  t.equal(new URL(noOpenid.headers.location as string).searchParams.get('error'), 'invalid_scope')
  const token = await app.inject(`/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge, response_type: 'token' })}`)
  t.equal(new URL(token.headers.location as string).searchParams.get('error'), 'unsupported_response_type')
  const badPid = await app.inject(`/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge, test_pid: '12345678901' })}`)
  t.match(new URL(badPid.headers.location as string).searchParams.get('error_description'), /test_pid/)
})
