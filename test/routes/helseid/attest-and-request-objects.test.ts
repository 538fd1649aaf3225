/** The tillitsrammeverk attest in tokens, signed request objects (RFC 9101) and token exchange (RFC 8693). */
import t from 'tap'
import { decodeJwt, generateKeyPair, SignJWT, type CryptoKey } from 'jose'
import type { FastifyInstance } from 'fastify'
import { CLIENT_ASSERTION_TYPE } from '../../../server/domain/helseid/claims.js'
import { build, clientAssertion, DEMO_CLIENT_ID, demoClientKey, form, ISSUER, tokenRequest } from '../../helper.js'
import { loginCode, pkce, REDIRECT_URI } from '../../support/login.js'
import { attest, ownClient, structure } from '../../support/org-structure.js'

const PARENT = '310001147'
const CHILD = '310001295'
const USER_SCOPES = 'openid profile offline_access nhn:kjernejournal/api'

function detailsOf (token: string): unknown {
  return decodeJwt(token).authorization_details
}

async function login (app: FastifyInstance): Promise<{ access_token: string, refresh_token: string }> {
  const { code, verifier } = await loginCode(app, { scope: USER_SCOPES })
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI })
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json()
}

async function refresh (app: FastifyInstance, refreshToken: string, claims: Record<string, unknown> = {}) {
  return tokenRequest(app, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: await clientAssertion({ claims })
  })
}

async function requestObject (claims: Record<string, unknown>, key?: CryptoKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setIssuer(DEMO_CLIENT_ID).setAudience(ISSUER)
    .setIssuedAt(now).setExpirationTime(now + 60).sign(key ?? await demoClientKey())
}

async function par (app: FastifyInstance, request: string) {
  return app.inject({
    method: 'POST',
    url: '/connect/par',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ client_id: DEMO_CLIENT_ID, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await clientAssertion(), request })
  })
}

function authorizeClaims (challenge: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { client_id: DEMO_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, scope: USER_SCOPES, code_challenge: challenge, code_challenge_method: 'S256', test_pid: '01887840020', ...extra }
}

/** PAR with a request object, then authorize and redeem the code. */
async function loginWithRequestObject (app: FastifyInstance, extra: Record<string, unknown>): Promise<{ access_token: string, refresh_token: string }> {
  const { verifier, challenge } = pkce()
  const pushed = await par(app, await requestObject(authorizeClaims(challenge, extra)))
  if (pushed.statusCode !== 201) throw new Error(pushed.body)
  const authorize = await app.inject(`/connect/authorize?client_id=${DEMO_CLIENT_ID}&request_uri=${encodeURIComponent(pushed.json().request_uri as string)}`)
  const code = new URL(authorize.headers.location as string).searchParams.get('code') as string
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI })
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json()
}

t.test('an attest in the client assertion is checked and copied into the access token', async (t) => {
  const app = await build(t)
  const client = await ownClient(app)
  const sent = attest(PARENT, CHILD)
  const res = await client.token({ authorization_details: [structure('urn:oid:2.16.578.1.12.4.1.4.101', CHILD), sent] })
  t.equal(res.statusCode, 200, res.body)
  t.same(detailsOf(res.json().access_token), [sent])
  const elsewhere = await client.token({ authorization_details: [attest(PARENT, '310001406')] })
  t.match(elsewhere.json(), { error: 'invalid_request', error_description: /point_of_care 310001406 is not the token's orgnr_parent 310001147/ }, 'the attest names the token\'s organisations')
  const badSystem = attest(PARENT, PARENT)
  ;(badSystem.care_relationship as Record<string, Record<string, string>>).purpose_of_use = { code: 'TREAT', system: 'urn:oid:1.2.3' }
  t.match((await client.token({ authorization_details: [badSystem] })).json(), { error_description: /care_relationship.purpose_of_use.system/ }, 'code systems are checked')
  const misspelt = attest(PARENT, PARENT) as { practitioner: Record<string, unknown> }
  misspelt.practitioner.auhtorization = misspelt.practitioner.authorization
  delete misspelt.practitioner.authorization
  t.match((await client.token({ authorization_details: [misspelt] })).json(), { error_description: /auhtorization/ }, 'the misspelling of an NHN sample is named')
})

t.test('a refresh with a new attest in its assertion gives a token with the new one', async (t) => {
  const app = await build(t)
  const first = await login(app)
  t.equal(detailsOf(first.access_token), undefined, 'no attest at login')
  const chosen = await refresh(app, first.refresh_token, { authorization_details: [attest(PARENT, CHILD, 'patient-a')] })
  t.equal(chosen.statusCode, 200, chosen.body)
  t.match(detailsOf(chosen.json().access_token), [{ care_relationship: { decision_ref: { id: 'patient-a' } } }])
  const next = await refresh(app, chosen.json().refresh_token, { authorization_details: [attest(PARENT, CHILD, 'patient-b')] })
  t.match(detailsOf(next.json().access_token), [{ care_relationship: { decision_ref: { id: 'patient-b' } } }])
  const without = await refresh(app, next.json().refresh_token)
  t.equal(detailsOf(without.json().access_token), undefined, 'an assertion attest is for its own token only')
})

t.test('an attest in a request object goes into every token of the chain; sending it twice is refused', async (t) => {
  const app = await build(t)
  const tokens = await loginWithRequestObject(app, { authorization_details: [attest(PARENT, CHILD, 'at-login')] })
  t.match(detailsOf(tokens.access_token), [{ care_relationship: { decision_ref: { id: 'at-login' } } }])
  const refreshed = await refresh(app, tokens.refresh_token)
  t.equal(refreshed.statusCode, 200, refreshed.body)
  t.match(detailsOf(refreshed.json().access_token), [{ care_relationship: { decision_ref: { id: 'at-login' } } }], 'kept through the refresh')
  const twice = await refresh(app, refreshed.json().refresh_token, { authorization_details: [attest(PARENT, CHILD, 'again')] })
  t.equal(twice.statusCode, 400)
  t.match(twice.json(), { error: 'access_denied', error_description: /^HID-DOUBLE-STRUCTURE/ })
})

t.test('a request object with an organisation structure gives the child to the whole login', async (t) => {
  const app = await build(t)
  const tokens = await loginWithRequestObject(app, { authorization_details: [structure('urn:oid:1.0.6523', `NO:ORGNR:${PARENT}:310001406`)] })
  t.equal(decodeJwt(tokens.access_token)['helseid://claims/client/claims/orgnr_child'], '310001406')
  const refreshed = await refresh(app, tokens.refresh_token)
  t.equal(decodeJwt(refreshed.json().access_token)['helseid://claims/client/claims/orgnr_child'], '310001406')
})

t.test('a request object must be signed with the client\'s key', async (t) => {
  const app = await build(t)
  const { challenge } = pkce()
  const { privateKey } = await generateKeyPair('RS256')
  const forged = await requestObject(authorizeClaims(challenge), privateKey)
  const pushed = await par(app, forged)
  t.equal(pushed.statusCode, 400)
  t.match(pushed.json(), { error: 'invalid_request_object', error_description: /signature does not match/ })
  const front = await app.inject(`/connect/authorize?client_id=${DEMO_CLIENT_ID}&request=${forged}`)
  t.equal(front.statusCode, 400, 'at /connect/authorize the error is shown, never redirected')
  t.match(front.body, /invalid_request_object/)
  const good = await app.inject(`/connect/authorize?client_id=${DEMO_CLIENT_ID}&request=${await requestObject(authorizeClaims(challenge))}`)
  t.equal(good.statusCode, 302, good.body)
  t.ok(new URL(good.headers.location as string).searchParams.get('code'), 'a good object logs in')
  const discovery = (await app.inject('/.well-known/openid-configuration')).json()
  t.equal(discovery.request_parameter_supported, true)
  t.ok(discovery.grant_types_supported.includes('urn:ietf:params:oauth:grant-type:token-exchange'))
  t.notOk('introspection_endpoint' in discovery, 'not served, so not announced')
})

t.test('token exchange: a user token for one API becomes one for another', async (t) => {
  const app = await build(t)
  const { access_token: subject } = await login(app)
  const exchange = (params: Record<string, string | undefined>) => tokenRequest(app, {
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: subject,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    ...params
  })
  const res = await exchange({ scope: 'nhn:critical-information/api' })
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', scope: 'nhn:critical-information/api' })
  const claims = decodeJwt(res.json().access_token)
  t.match(claims, { aud: 'nhn:critical-information', 'helseid://claims/identity/pid': '01887840020', client_id: DEMO_CLIENT_ID })
  t.match((await exchange({ subject_token: 'not-a-token' })).json(), { error: 'invalid_grant' })
  t.match((await exchange({ subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' })).json(), { error: 'invalid_request' })
})
