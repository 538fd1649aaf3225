/**
 * One sandbox, two names (compose: a browser on the host at localhost, an EHR backend in another
 * container at the service name): discovery answers with the URL the caller used, a token from
 * either issuer works on both, and an issuer the sandbox does not serve is still refused.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, ISSUER } from '../../helper.js'
import { helseindikator, testToken } from '../../support/kj.js'

const B = 'http://kjernejournal-sandbox:8080'
const B_HOST = 'kjernejournal-sandbox:8080'
const TWO = { PUBLIC_URLS: `${ISSUER},${B}` }

async function tokenVia (app: FastifyInstance, host: string, prefix = ''): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `${prefix}/v2/create-test-token-with-key`, headers: { host }, payload: { audience: 'nhn:kjernejournal', withoutDefaultUserClaims: true } })
  if (res.statusCode !== 200) throw new Error(`test-token service answered ${res.statusCode}: ${res.body}`)
  return res.json().successResponse.accessTokenJwt as string
}

function issuerOf (jwt: string): unknown {
  return JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString()).iss
}

t.test('discovery answers with the served URL the Host names', async (t) => {
  const app = await build(t, TWO)
  const a = (await app.inject({ url: '/.well-known/openid-configuration', headers: { host: 'sandbox.test' } })).json()
  t.match(a, { issuer: ISSUER, token_endpoint: `${ISSUER}/connect/token`, jwks_uri: `${ISSUER}/.well-known/openid-configuration/jwks` })
  const b = (await app.inject({ url: '/.well-known/openid-configuration', headers: { host: B_HOST } })).json()
  t.match(b, { issuer: B, token_endpoint: `${B}/connect/token`, authorization_endpoint: `${B}/connect/authorize`, jwks_uri: `${B}/.well-known/openid-configuration/jwks` })
  const s = (await app.inject({ url: '/s/ci-1/.well-known/openid-configuration', headers: { host: B_HOST } })).json()
  t.equal(s.issuer, `${B}/s/ci-1`, 'a session path keeps the name it came by')
})

t.test('a Host the sandbox does not serve gets the default issuer, never its own', async (t) => {
  const app = await build(t, TWO)
  const doc = (await app.inject({ url: '/.well-known/openid-configuration', headers: { host: 'evil.example:8080' } })).json()
  t.equal(doc.issuer, ISSUER)
  const upper = (await app.inject({ url: '/.well-known/openid-configuration', headers: { host: 'KJERNEJOURNAL-SANDBOX:8080' } })).json()
  t.equal(upper.issuer, B, 'host names compare case-insensitively')
})

t.test('a token minted under issuer B is accepted by the Kjernejournal API reached as A, and the other way', async (t) => {
  const app = await build(t, TWO)
  const fromB = await tokenVia(app, B_HOST)
  t.equal(issuerOf(fromB), B)
  const viaA = await helseindikator(app, { fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' }, { token: fromB, headers: { host: 'sandbox.test' } })
  t.equal(viaA.statusCode, 200, viaA.body)
  const fromA = await tokenVia(app, 'sandbox.test')
  t.equal(issuerOf(fromA), ISSUER)
  const viaB = await helseindikator(app, { fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' }, { token: fromA, headers: { host: B_HOST } })
  t.equal(viaB.statusCode, 200, viaB.body)
})

t.test('sessions stay apart under every name: a session token needs its session', async (t) => {
  const app = await build(t, TWO)
  const sessionB = await tokenVia(app, B_HOST, '/s/qa-1')
  t.equal(issuerOf(sessionB), `${B}/s/qa-1`)
  const inSession = await helseindikator(app, { fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' }, { token: sessionB, url: '/s/qa-1/v1/helseindikator', headers: { host: 'sandbox.test' } })
  t.equal(inSession.statusCode, 200, inSession.body)
  const outside = await helseindikator(app, { fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' }, { token: sessionB, headers: { host: 'sandbox.test' } })
  t.equal(outside.statusCode, 401)
})

t.test('an issuer the sandbox does not serve: KJF-000198 naming every issuer it accepts, the caller\'s first', async (t) => {
  const app = await build(t, TWO)
  const other = await build(t, { PUBLIC_URL: 'http://elsewhere.test' })
  const foreign = await testToken(other, { withoutDefaultUserClaims: true })
  const res = await helseindikator(app, { fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' }, { token: foreign, headers: { host: B_HOST } })
  t.equal(res.statusCode, 401)
  t.equal(res.headers['nhn-error-code'], 'KJF-000198')
  t.match(res.json().utviklermelding, `the token's issuer is 'http://elsewhere.test'; expected '${B}' or '${ISSUER}' (PUBLIC_URL and PUBLIC_URLS set the issuers;`)
})

t.test('one served URL (the default): the Host changes nothing', async (t) => {
  const app = await build(t)
  const doc = (await app.inject({ url: '/.well-known/openid-configuration', headers: { host: B_HOST } })).json()
  t.equal(doc.issuer, ISSUER)
})
