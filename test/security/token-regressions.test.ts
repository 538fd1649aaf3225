/**
 * Tokens the attack suite found accepted that must not be: kept as plain cases.
 */
import t from 'tap'
import { KeyObject, sign } from 'node:crypto'
import { decodeJwt, type CryptoKey } from 'jose'
import { build } from '../helper.js'
import { EPJ_SYSTEM, testToken } from '../support/kj.js'

function rawSign (header: object, payload: object, key: CryptoKey): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
  return `${input}.${sign('sha256', Buffer.from(input), KeyObject.from(key)).toString('base64url')}`
}

const DOCTOR = { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }

t.test('Kjernejournal refuses a token issued in the future (KJF-000198)', async (t) => {
  const app = await build(t)
  const key = app.sandbox.keys.active
  const now = Math.floor(Date.now() / 1000)
  const claims = decodeJwt(await testToken(app, { userClaimsParameters: DOCTOR }))
  const future = rawSign({ alg: 'RS256', typ: 'at+jwt', kid: key.kid }, { ...claims, iat: now + 60, nbf: now, exp: now + 600 }, key.privateKey)
  const res = await app.inject({ method: 'GET', url: '/v1/ping', headers: { authorization: `Bearer ${future}`, 'x-epj-system': EPJ_SYSTEM } })
  t.equal(res.statusCode, 401)
  t.equal(res.headers['nhn-error-code'], 'KJF-000198')
  t.match(res.json().utviklermelding, /iat is in the future/)
  const skewed = rawSign({ alg: 'RS256', typ: 'at+jwt', kid: key.kid }, { ...claims, iat: now + 3, nbf: now, exp: now + 600 }, key.privateKey)
  const ok = await app.inject({ method: 'GET', url: '/v1/ping', headers: { authorization: `Bearer ${skewed}`, 'x-epj-system': EPJ_SYSTEM } })
  t.equal(ok.statusCode, 200, 'within the 5 s clock skew')
})

t.test('userinfo refuses a token without exp or issued in the future (invalid_token)', async (t) => {
  const app = await build(t)
  const key = app.sandbox.keys.active
  const now = Math.floor(Date.now() / 1000)
  const claims = decodeJwt(await testToken(app, { userClaimsParameters: DOCTOR }))
  const { exp: _exp, ...endless } = claims
  for (const [name, payload] of [['no exp', endless], ['iat in the future', { ...claims, iat: now + 60 }]] as const) {
    const token = rawSign({ alg: 'RS256', typ: 'at+jwt', kid: key.kid }, payload, key.privateKey)
    const res = await app.inject({ method: 'GET', url: '/connect/userinfo', headers: { authorization: `Bearer ${token}` } })
    t.equal(res.statusCode, 401, name)
    t.equal(res.json().error, 'invalid_token', name)
  }
  const good = await app.inject({ method: 'GET', url: '/connect/userinfo', headers: { authorization: `Bearer ${rawSign({ alg: 'RS256', typ: 'at+jwt', kid: key.kid }, claims, key.privateKey)}` } })
  t.equal(good.statusCode, 200, 'the same claims with exp are served')
})
