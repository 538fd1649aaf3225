import t from 'tap'
import { decodeJwt } from 'jose'
import { build, ISSUER, tokenRequest } from '../../helper.js'
import { loginCode, REDIRECT_URI } from '../../support/login.js'

async function login (app: Awaited<ReturnType<typeof build>>, scope = 'openid profile offline_access nhn:kjernejournal/api nhn:critical-information/api') {
  const { code, verifier } = await loginCode(app, { scope })
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, resource: 'nhn:kjernejournal' })
  return res.json()
}

t.test('refresh rotates the refresh token and keeps the user', async (t) => {
  const app = await build(t)
  const first = await login(app)
  const refreshed = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token, resource: 'nhn:critical-information' })
  t.equal(refreshed.statusCode, 200, refreshed.body)
  const body = refreshed.json()
  t.not(body.refresh_token, first.refresh_token)
  const at = decodeJwt(body.access_token)
  t.equal(at.aud, 'nhn:critical-information', 'one login, one single-audience token per API')
  t.equal(at['helseid://claims/identity/pid'], '01887840020')
  t.equal(at.sid, decodeJwt(first.access_token).sid)
  const reuse = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
  t.match(reuse.json(), { error: 'invalid_grant', error_description: /already used/ })
  const narrowed = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: body.refresh_token, scope: 'openid nhn:kjernejournal/api' })
  t.same(decodeJwt(narrowed.json().access_token).scope, ['openid', 'nhn:kjernejournal/api'])
  t.ok(narrowed.json().refresh_token, 'narrowing a token does not narrow the chain')
})

t.test('refresh errors: widened scope, other client, expiry, logout', async (t) => {
  const app = await build(t)
  const first = await login(app, 'openid offline_access nhn:kjernejournal/api')
  const widened = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: 'openid nhn:critical-information/api' })
  t.match(widened.json(), { error: 'invalid_scope' })
  const second = await login(app, 'openid offline_access nhn:kjernejournal/api')
  const other = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: second.refresh_token, client_assertion: undefined, client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret' })
  t.match(other.json(), { error: 'invalid_grant', error_description: /another client/ })
  const third = await login(app, 'openid offline_access nhn:kjernejournal/api')
  const logout = await app.inject(`/connect/endsession?id_token_hint=${third.id_token}&post_logout_redirect_uri=${encodeURIComponent('http://ehr.test/bye')}&state=s9`)
  t.equal(logout.statusCode, 302)
  t.equal(logout.headers.location, 'http://ehr.test/bye?state=s9')
  const afterLogout = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: third.refresh_token })
  t.match(afterLogout.json(), { error: 'invalid_grant', error_description: /logged out/ })
  const fourth = await login(app, 'openid offline_access nhn:kjernejournal/api')
  app.sandbox.defaultSession.clock.advance(28800_000 + 1000)
  t.match((await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: fourth.refresh_token })).json(), { error: 'invalid_grant' })
  t.match((await tokenRequest(app, { grant_type: 'refresh_token' })).json(), { error: 'invalid_request' })
})

t.test('no offline_access, no refresh token; revocation ends one', async (t) => {
  const app = await build(t)
  const plain = await login(app, 'openid nhn:kjernejournal/api')
  t.notOk(plain.refresh_token)
  const withRt = await login(app, 'openid offline_access nhn:kjernejournal/api')
  const { clientAssertion } = await import('../../helper.js')
  const revoke = await app.inject({
    method: 'POST',
    url: '/connect/revocation',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ token: withRt.refresh_token, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: await clientAssertion() }).toString()
  })
  t.equal(revoke.statusCode, 200)
  t.match((await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: withRt.refresh_token })).json(), { error: 'invalid_grant' })
})

t.test('end session without a valid hint shows a page and ends nothing', async (t) => {
  const app = await build(t)
  const bare = await app.inject('/connect/endsession')
  t.equal(bare.statusCode, 200)
  t.match(bare.body, /signed out/)
  const bad = await app.inject('/connect/endsession?id_token_hint=nonsense')
  t.equal(bad.statusCode, 400)
})

t.test('end session with an ID token of another issuer names both issuers on the page, escaped', async (t) => {
  const app = await build(t)
  const { code, verifier } = await loginCode(app)
  const tokens = (await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })).json()
  const res = await app.inject(`/s/qa-1/connect/endsession?id_token_hint=${tokens.id_token as string}`)
  t.equal(res.statusCode, 400)
  t.match(res.body, `<strong>invalid_request</strong>: id_token_hint is from another issuer: the token&#39;s issuer is &#39;${ISSUER}&#39;; expected &#39;${ISSUER}/s/qa-1&#39; (PUBLIC_URL sets the issuer; a token from /s/&#60;session&#62; belongs to that session&#39;s URLs)`)
  const refreshed = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
  t.equal(refreshed.statusCode, 200, 'and the session is not ended')
})
