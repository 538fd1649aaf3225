import t from 'tap'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { randomUUID } from 'node:crypto'
import { CLIENT_ASSERTION_TYPE } from '../../../server/domain/helseid/claims.js'
import { build, TOKEN_ENDPOINT, tokenRequest } from '../../helper.js'

async function ownKey () {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  return { privateKey, publicJwk: { ...await exportJWK(publicKey), kid: 'my-key-1' }, privateJwk: await exportJWK(privateKey) }
}

t.test('a vendor registers its own key and gets tokens with it', async (t) => {
  const app = await build(t)
  const key = await ownKey()
  const res = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'acme-ehr', client_name: 'ACME EHR', jwks: { keys: [key.publicJwk] }, orgnr_parent: '310001406', scopes: ['nhn:kjernejournal/api'] } })
  t.equal(res.statusCode, 201, res.body)
  t.equal(res.headers.location, '/__admin/clients/acme-ehr')
  t.match(res.json(), { client_id: 'acme-ehr', token_endpoint_auth_method: 'private_key_jwt' })
  const now = Math.floor(Date.now() / 1000)
  const assertion = async () => new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'my-key-1' }).setIssuer('acme-ehr').setSubject('acme-ehr')
    .setAudience(TOKEN_ENDPOINT).setIssuedAt(now).setExpirationTime(now + 30).setJti(randomUUID()).sign(key.privateKey)
  const token = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await assertion() })
  t.equal(token.statusCode, 200, token.body)
  const limited = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:critical-information/api', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await assertion() })
  t.match(limited.json(), { error: 'invalid_scope' }, 'a registered scope list limits the client')
})

t.test('registration refuses private keys, bad org numbers, both or neither credential', async (t) => {
  const app = await build(t)
  const key = await ownKey()
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['private key', { client_id: 'a', jwks: { keys: [{ ...key.privateJwk }] }, orgnr_parent: '310001406' }, /PUBLIC key only/],
    ['bad orgnr', { client_id: 'a', jwks: { keys: [key.publicJwk] }, orgnr_parent: '123456789' }, /organisation number/],
    ['no credential', { client_id: 'a', orgnr_parent: '310001406' }, /exactly one/],
    ['symmetric key', { client_id: 'a', jwks: { keys: [{ kty: 'oct' }] }, orgnr_parent: '310001406' }, /asymmetric/],
    ['unknown field', { client_id: 'a', client_secret: 'long-enough', orgnr_parent: '310001406', colour: 'red' }, /colour|unrecognized/i]
  ]
  for (const [name, payload, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/__admin/clients', payload })
    t.equal(res.statusCode, 400, name)
    t.match(JSON.stringify(res.json().details), message, name)
  }
  const notJson = await app.inject({ method: 'POST', url: '/__admin/clients', headers: { 'content-type': 'application/json' }, payload: '{' })
  t.equal(notJson.statusCode, 400)
  t.match(notJson.json(), { error: 'invalid_request' })
})

t.test('POST never overwrites; PUT replaces; DELETE removes; the secret is never shown', async (t) => {
  const app = await build(t)
  const taken = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'sandbox-demo-ehr', client_secret: 'long-enough', orgnr_parent: '310001406' } })
  t.equal(taken.statusCode, 409)
  const before = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })
  t.equal(before.statusCode, 200, 'the demo client still works after the refused POST')
  const put = await app.inject({ method: 'PUT', url: '/__admin/clients/mine', payload: { client_secret: 'long-enough', orgnr_parent: '310001406' } })
  t.equal(put.statusCode, 201)
  const replaced = await app.inject({ method: 'PUT', url: '/__admin/clients/mine', payload: { client_secret: 'other-secret', orgnr_parent: '310001554' } })
  t.equal(replaced.statusCode, 200)
  const mismatch = await app.inject({ method: 'PUT', url: '/__admin/clients/mine', payload: { client_id: 'yours', client_secret: 'other-secret', orgnr_parent: '310001554' } })
  t.equal(mismatch.statusCode, 400)
  const got = await app.inject('/__admin/clients/mine')
  t.match(got.json(), { client_id: 'mine', orgnr_parent: '310001554', token_endpoint_auth_method: 'client_secret_post' })
  t.notOk('client_secret' in got.json())
  t.notOk(JSON.stringify((await app.inject('/__admin/clients')).json()).includes('sandbox-demo-secret'))
  t.equal((await app.inject({ method: 'DELETE', url: '/__admin/clients/mine' })).statusCode, 204)
  t.equal((await app.inject('/__admin/clients/mine')).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: '/__admin/clients/mine' })).statusCode, 404)
})

t.test('health answers UP', async (t) => {
  const app = await build(t)
  const res = await app.inject('/__admin/health')
  t.match(res.json(), { status: 'UP', clients: app.sandbox.clients.list().length, users: app.sandbox.world.users.length })
  t.ok(res.json().users > 0)
  t.equal((await app.inject('/__admin/nothing')).statusCode, 404)
})
