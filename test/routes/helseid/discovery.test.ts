import t from 'tap'
import { build, ISSUER } from '../../helper.js'

t.test('discovery names every endpoint under the issuer and what HelseID supports', async (t) => {
  const app = await build(t)
  const res = await app.inject('/.well-known/openid-configuration')
  t.equal(res.statusCode, 200)
  const doc = res.json()
  t.match(doc, {
    issuer: ISSUER,
    jwks_uri: `${ISSUER}/.well-known/openid-configuration/jwks`,
    token_endpoint: `${ISSUER}/connect/token`,
    authorization_endpoint: `${ISSUER}/connect/authorize`,
    pushed_authorization_request_endpoint: `${ISSUER}/connect/par`,
    end_session_endpoint: `${ISSUER}/connect/endsession`,
    code_challenge_methods_supported: ['S256'],
    dpop_bound_access_tokens_required: false
  })
  t.ok(doc.token_endpoint_auth_methods_supported.includes('private_key_jwt'))
  t.ok(doc.dpop_signing_alg_values_supported.includes('ES256'))
  t.ok(doc.grant_types_supported.includes('client_credentials'))
  t.ok(doc.scopes_supported.includes('nhn:kjernejournal/api'))
  t.ok(doc.claims_supported.includes('helseid://claims/identity/pid'))
})

t.test('the JWKS publishes public RS256 keys only', async (t) => {
  const app = await build(t)
  const { keys } = (await app.inject('/.well-known/openid-configuration/jwks')).json()
  t.equal(keys.length, 1)
  t.match(keys[0], { kty: 'RSA', alg: 'RS256', use: 'sig' })
  t.type(keys[0].kid, 'string')
  t.notOk('d' in keys[0])
})
