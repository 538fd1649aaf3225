import t from 'tap'
import { decodeJwt } from 'jose'
import { CLIENT_ASSERTION_TYPE } from '../../../server/domain/helseid/claims.js'
import { build, clientAssertion, form, ISSUER, tokenRequest } from '../../helper.js'
import { dpopKey, dpopProof } from '../../support/dpop.js'
import { pkce, REDIRECT_URI } from '../../support/login.js'

async function push (app: Awaited<ReturnType<typeof build>>, params: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/connect/par',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: form({
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: await clientAssertion(),
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid nhn:kjernejournal/api',
      code_challenge_method: 'S256',
      ...params
    })
  })
}

t.test('PAR: push, then authorize with the request_uri once', async (t) => {
  const app = await build(t)
  const { verifier, challenge } = pkce()
  const pushed = await push(app, { code_challenge: challenge, test_pid: '01887840020', state: 'p1' })
  t.equal(pushed.statusCode, 201, pushed.body)
  const { request_uri: requestUri, expires_in: expiresIn } = pushed.json()
  t.match(requestUri, /^urn:ietf:params:oauth:request_uri:/)
  t.equal(expiresIn, 60)
  const authz = await app.inject(`/connect/authorize?client_id=sandbox-demo-ehr&request_uri=${encodeURIComponent(requestUri)}`)
  t.equal(authz.statusCode, 302)
  const location = new URL(authz.headers.location as string)
  t.equal(location.searchParams.get('state'), 'p1')
  const tokens = await tokenRequest(app, { grant_type: 'authorization_code', code: location.searchParams.get('code') as string, redirect_uri: REDIRECT_URI, code_verifier: verifier })
  t.equal(tokens.statusCode, 200, tokens.body)
  const again = await app.inject(`/connect/authorize?client_id=sandbox-demo-ehr&request_uri=${encodeURIComponent(requestUri)}`)
  t.equal(again.statusCode, 400, 'a request_uri is used once')
})

t.test('PAR refuses what authorize would refuse, as OAuth JSON', async (t) => {
  const app = await build(t)
  const res = await push(app, {})
  t.equal(res.statusCode, 400)
  t.match(res.json(), { error: 'invalid_request', error_description: /PKCE/ })
  const anon = await app.inject({ method: 'POST', url: '/connect/par', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'response_type=code' })
  t.match(anon.json(), { error: 'invalid_client' })
})

t.test('a DPoP proof at PAR binds the code to that key', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await dpopKey()
  const { verifier, challenge } = pkce()
  const pushed = await push(app, { code_challenge: challenge, test_pid: '01887840020' }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/par` }) })
  t.equal(pushed.statusCode, 201, pushed.body)
  const authz = await app.inject(`/connect/authorize?client_id=sandbox-demo-ehr&request_uri=${encodeURIComponent(pushed.json().request_uri)}`)
  const code = new URL(authz.headers.location as string).searchParams.get('code') as string
  const htu = `${ISSUER}/connect/token`
  const withoutProof = await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })
  t.match(withoutProof.json(), { error: 'invalid_dpop_proof', error_description: /dpop_jkt/ })
  const { verifier: v2, challenge: c2 } = pkce()
  const pushed2 = await push(app, { code_challenge: c2, test_pid: '01887840020' }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/par` }) })
  const authz2 = await app.inject(`/connect/authorize?client_id=sandbox-demo-ehr&request_uri=${encodeURIComponent(pushed2.json().request_uri)}`)
  const code2 = new URL(authz2.headers.location as string).searchParams.get('code') as string
  const ok = await tokenRequest(app, { grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT_URI, code_verifier: v2 }, { dpop: await dpopProof(key, { htu }) })
  t.equal(ok.statusCode, 200, ok.body)
  t.same(decodeJwt(ok.json().access_token).cnf, { jkt: key.jkt })
})
