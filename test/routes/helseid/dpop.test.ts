import t from 'tap'
import { decodeJwt } from 'jose'
import { build, ISSUER, tokenRequest } from '../../helper.js'
import { dpopKey, dpopProof } from '../../support/dpop.js'

const grant = { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }
const htu = `${ISSUER}/connect/token`

t.test('DPoP at the token endpoint: nonce first, then a bound token', async (t) => {
  const app = await build(t)
  const key = await dpopKey()
  const first = await tokenRequest(app, grant, { dpop: await dpopProof(key, { htu }) })
  t.equal(first.statusCode, 400)
  t.match(first.json(), { error: 'use_dpop_nonce' })
  const nonce = first.headers['dpop-nonce'] as string
  t.ok(nonce, 'the answer carries DPoP-Nonce')
  const second = await tokenRequest(app, grant, { dpop: await dpopProof(key, { htu, nonce }) })
  t.equal(second.statusCode, 200, second.body)
  t.equal(second.json().token_type, 'DPoP')
  t.same(decodeJwt(second.json().access_token).cnf, { jkt: key.jkt })
})

t.test('a replayed DPoP proof is invalid_dpop_proof', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await dpopKey()
  const proof = await dpopProof(key, { htu })
  t.equal((await tokenRequest(app, grant, { dpop: proof })).statusCode, 200)
  const replay = await tokenRequest(app, grant, { dpop: proof })
  t.match(replay.json(), { error: 'invalid_dpop_proof', error_description: /used before/ })
})

t.test('each broken proof is invalid_dpop_proof with its reason', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await dpopKey()
  const now = Math.floor(Date.now() / 1000)
  const cases: Array<[string, Promise<string>, RegExp]> = [
    ['wrong htm', dpopProof(key, { htu, htm: 'GET' }), /htm/],
    ['wrong htu', dpopProof(key, { htu: 'https://elsewhere.example/connect/token' }), /htu/],
    ['old iat', dpopProof(key, { htu, iat: now - 600 }), /iat/],
    ['future iat', dpopProof(key, { htu, iat: now + 600 }), /iat/],
    ['wrong typ', dpopProof(key, { htu, typ: 'JWT' }), /typ/],
    ['not a JWS', Promise.resolve('garbage'), /not a JWS/]
  ]
  for (const [name, proof, reason] of cases) {
    const res = await tokenRequest(app, grant, { dpop: await proof })
    t.match(res.json(), { error: 'invalid_dpop_proof', error_description: reason }, name)
  }
  const proof = await dpopProof(key, { htu })
  const at = proof.length - 10
  const tampered = proof.slice(0, at) + (proof[at] === 'A' ? 'B' : 'A') + proof.slice(at + 1)
  t.match((await tokenRequest(app, grant, { dpop: tampered })).json(), { error: 'invalid_dpop_proof' }, 'altered signature')
})

t.test('REQUIRE_DPOP refuses a token request without a proof', async (t) => {
  const app = await build(t, { REQUIRE_DPOP: 'true' })
  const res = await tokenRequest(app, grant)
  t.match(res.json(), { error: 'invalid_dpop_proof', error_description: /required/ })
  const discovery = (await app.inject('/.well-known/openid-configuration')).json()
  t.equal(discovery.dpop_bound_access_tokens_required, true)
})

t.test('a nonce-less proof does not spend the client assertion (the retry may reuse it)', async (t) => {
  const app = await build(t)
  const key = await dpopKey()
  const { clientAssertion } = await import('../../helper.js')
  const assertion = await clientAssertion()
  const params = { ...grant, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }
  const first = await tokenRequest(app, params, { dpop: await dpopProof(key, { htu }) })
  const nonce = first.headers['dpop-nonce'] as string
  const second = await tokenRequest(app, params, { dpop: await dpopProof(key, { htu, nonce }) })
  t.equal(second.statusCode, 200, second.body)
})
