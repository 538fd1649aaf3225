import t from 'tap'
import { build, ISSUER, tokenRequest } from '../../helper.js'
import { dpopKey, dpopProof } from '../../support/dpop.js'
import { loginCode, REDIRECT_URI } from '../../support/login.js'

t.test('userinfo answers a user token with the user claims', async (t) => {
  const app = await build(t)
  const { code, verifier } = await loginCode(app)
  const tokens = (await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })).json()
  const res = await app.inject({ url: '/connect/userinfo', headers: { authorization: `Bearer ${tokens.access_token}` } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { name: 'Ingrid Lege', 'helseid://claims/identity/pid': '01887840020', 'helseid://claims/hpr/hpr_number': '900100101' })
})

t.test('userinfo refuses system tokens, garbage and expired tokens with 401 invalid_token', async (t) => {
  const app = await build(t)
  const system = (await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })).json()
  const res = await app.inject({ url: '/connect/userinfo', headers: { authorization: `Bearer ${system.access_token}` } })
  t.equal(res.statusCode, 401)
  t.match(res.json(), { error: 'invalid_token' })
  t.match(res.headers['www-authenticate'], /invalid_token/)
  t.equal((await app.inject({ url: '/connect/userinfo', headers: { authorization: 'Bearer nope' } })).statusCode, 401)
  t.equal((await app.inject({ url: '/connect/userinfo' })).statusCode, 401)
  const { code, verifier } = await loginCode(app)
  const tokens = (await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })).json()
  app.sandbox.defaultSession.clock.advance(601_000)
  t.equal((await app.inject({ url: '/connect/userinfo', headers: { authorization: `Bearer ${tokens.access_token}` } })).statusCode, 401, 'expired by the sandbox clock')
})

t.test('a DPoP-bound token needs the DPoP scheme and a proof with its key', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await dpopKey()
  const { code, verifier } = await loginCode(app)
  const tokens = (await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/token` }) })).json()
  t.equal(tokens.token_type, 'DPoP')
  const asBearer = await app.inject({ url: '/connect/userinfo', headers: { authorization: `Bearer ${tokens.access_token}` } })
  t.equal(asBearer.statusCode, 401)
  const proof = await dpopProof(key, { htu: `${ISSUER}/connect/userinfo`, htm: 'GET', accessToken: tokens.access_token })
  const ok = await app.inject({ url: '/connect/userinfo', headers: { authorization: `DPoP ${tokens.access_token}`, dpop: proof } })
  t.equal(ok.statusCode, 200, ok.body)
  const other = await dpopKey()
  const wrongKey = await app.inject({ url: '/connect/userinfo', headers: { authorization: `DPoP ${tokens.access_token}`, dpop: await dpopProof(other, { htu: `${ISSUER}/connect/userinfo`, htm: 'GET', accessToken: tokens.access_token }) } })
  t.equal(wrongKey.statusCode, 401)
  const noAth = await app.inject({ url: '/connect/userinfo', headers: { authorization: `DPoP ${tokens.access_token}`, dpop: await dpopProof(key, { htu: `${ISSUER}/connect/userinfo`, htm: 'GET' }) } })
  t.match(noAth.json(), { error: 'invalid_dpop_proof', error_description: /ath/ })
})

t.test('a token from another issuer is refused as before, naming both issuers', async (t) => {
  const app = await build(t)
  const { code, verifier } = await loginCode(app)
  const tokens = (await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })).json()
  const res = await app.inject({ url: '/s/qa-1/connect/userinfo', headers: { authorization: `Bearer ${tokens.access_token}` } })
  t.equal(res.statusCode, 401)
  const expected = `the access token is from another issuer: the token's issuer is '${ISSUER}'; expected '${ISSUER}/s/qa-1' (PUBLIC_URL sets the issuer; a token from /s/<session> belongs to that session's URLs)`
  t.same(res.json(), { error: 'invalid_token', error_description: expected })
  t.equal(res.headers['www-authenticate'], `Bearer error="invalid_token", error_description="${expected}"`)
})
