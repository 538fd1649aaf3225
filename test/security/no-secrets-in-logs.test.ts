/**
 * Tokens never appear whole in the log or the journal: requests carrying access, ID and refresh
 * tokens, DPoP proofs, tickets, client assertions, client secrets, codes and PKCE verifiers
 * (good ones and refused ones) run with the logger at trace level, its output captured, and
 * none of those strings is in a log line or in GET /__admin/requests.
 */
import t from 'tap'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.js'
import { loggerOptions } from '../../server/logging.js'
import { CLIENT_ASSERTION_TYPE } from '../../server/domain/helseid/claims.js'
import { clientAssertion, form, ISSUER, testConfig, tokenRequest } from '../helper.js'
import { EPJ_SYSTEM, testToken } from '../support/kj.js'
import { dpopKey, dpopProof } from '../support/dpop.js'
import { loginCode, REDIRECT_URI } from '../support/login.js'

const PATIENT = '17815810112'

t.test('no secret is whole in the trace log or the journal', async (t) => {
  const lines: string[] = []
  const config = testConfig({ LOG_LEVEL: 'trace' })
  const stream = new Writable({ write (chunk, _encoding, done) { lines.push(String(chunk)); done() } })
  const app: FastifyInstance = await buildApp(config, { logger: { ...loggerOptions(config), stream } })
  t.teardown(() => app.close())
  await app.ready()
  const secrets = new Map<string, string>()
  const keep = (name: string, value: string | undefined): string => {
    if (value === undefined || value === '') throw new Error(`no ${name}`)
    secrets.set(name, value)
    return value
  }

  // Client credentials with a client assertion, and with a client secret (in the body and as Basic).
  const assertion = keep('client assertion', await clientAssertion())
  const cc = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion })
  const systemToken = keep('system access token', cc.json().access_token)
  const secret = keep('client secret', 'sandbox-demo-secret')
  await app.inject({ method: 'POST', url: '/connect/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_id: 'sandbox-demo-ehr-secret', client_secret: secret }) })
  await app.inject({ method: 'POST', url: '/connect/token', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`sandbox-demo-ehr-secret:${secret}`).toString('base64')}` }, payload: form({ grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }) })
  // A wrong secret and a replayed assertion: refusals must not echo them either.
  keep('wrong client secret', 'not-the-secret-4711')
  await app.inject({ method: 'POST', url: '/connect/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ grant_type: 'client_credentials', client_id: 'sandbox-demo-ehr-secret', client_secret: 'not-the-secret-4711' }) })
  await tokenRequest(app, { grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion })

  // Login: code, verifier, access, ID and refresh tokens; refresh; userinfo; end session; revocation.
  const { code, verifier } = await loginCode(app)
  keep('authorization code', code)
  keep('PKCE verifier', verifier)
  const login = (await tokenRequest(app, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI })).json()
  const userToken = keep('user access token', login.access_token)
  const idToken = keep('ID token', login.id_token)
  const refreshToken = keep('refresh token', login.refresh_token)
  await tokenRequest(app, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI })
  const refreshed = (await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: refreshToken })).json()
  const refreshToken2 = keep('rotated refresh token', refreshed.refresh_token)
  await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: refreshToken })
  await app.inject({ method: 'GET', url: '/connect/userinfo', headers: { authorization: `Bearer ${userToken}` } })
  await app.inject({ method: 'POST', url: '/connect/revocation', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ token: refreshToken2, client_id: 'sandbox-demo-ehr-secret', client_secret: secret }) })
  await app.inject({ method: 'GET', url: `/connect/endsession?id_token_hint=${idToken}&post_logout_redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=s` })

  // DPoP: a bound token from the test-token service, a proof, on the REST face (good, then replayed).
  const key = await dpopKey()
  const bound = keep('DPoP-bound access token', await testToken(app, { clientClaimsParameters: { scope: ['nhn:kjernejournal/api'], cnfJkt: key.jkt } }))
  const proof = keep('DPoP proof', await dpopProof(key, { htm: 'GET', htu: `${ISSUER}/v1/ping`, accessToken: bound }))
  for (let i = 0; i < 2; i++) await app.inject({ method: 'GET', url: '/v1/ping', headers: { authorization: `DPoP ${bound}`, dpop: proof, 'x-epj-system': EPJ_SYSTEM } })

  // Tickets: from helseindikator, then on the ticket face, good and altered.
  const hi = await app.inject({ method: 'POST', url: '/v1/helseindikator', headers: { authorization: `Bearer ${systemToken}`, 'x-epj-system': EPJ_SYSTEM, 'content-type': 'application/json' }, payload: { fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE' } })
  const ticket = keep('ticket', hi.json().ticket)
  const kjUser = keep('test-token user token', await testToken(app, { userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' } }))
  await app.inject({ method: 'GET', url: '/v1/fhir/Patient/$everything', headers: { authorization: `Bearer ${kjUser}`, 'x-epj-system': EPJ_SYSTEM, 'x-kj-ticket': ticket } })
  await app.inject({ method: 'GET', url: '/v1/fhir/Patient/$everything', headers: { authorization: `Bearer ${kjUser}`, 'x-epj-system': EPJ_SYSTEM, 'x-kj-ticket': ticket.slice(0, -8) } })
  // A refused token on the REST face, and tokens where they do not belong: in a query string.
  await app.inject({ method: 'GET', url: '/v1/ping', headers: { authorization: `Bearer ${kjUser}x`, 'x-epj-system': EPJ_SYSTEM } })
  await app.inject({ method: 'GET', url: `/v1/ping?access_token=${kjUser}&ticket=${encodeURIComponent(ticket)}`, headers: { 'x-epj-system': EPJ_SYSTEM } })

  const journal = await app.inject({ method: 'GET', url: '/__admin/requests?limit=1000' })
  t.equal(journal.statusCode, 200)
  const journalText = journal.body
  t.ok(lines.length > 20, `${lines.length} log lines captured at trace level`)
  t.ok(JSON.parse(journalText).total > 20, 'the journal holds the requests')
  for (const [name, value] of secrets) {
    const inLog = lines.filter((line) => line.includes(value) || line.includes(encodeURIComponent(value)))
    t.same(inLog.map((l) => l.slice(0, 200)), [], `the ${name} is not in the log`)
    t.notOk(journalText.includes(value) || journalText.includes(encodeURIComponent(value)), `the ${name} is not in the journal`)
  }
  t.comment(`${secrets.size} secrets checked over ${lines.length} log lines and the journal`)
})
