/**
 * The readiness findings of Kjernejournal Innlogging (/api/session): the request that records
 * each, what the session's report then says, and what a strict session answers instead.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, ISSUER } from '../helper.js'
import { dpopProof } from '../support/dpop.js'
import { testToken } from '../support/kj.js'
import { ticketFor } from '../support/critical-info.js'
import { pkce } from '../support/login.js'
import { createBody, createSession, dpopUserToken, INNLOGGING_SCOPES, sessionCall, type UserToken } from '../support/portal.js'
import { findingOf, readinessReport, recordedFinding, strictProfile } from '../support/readiness.js'

const ENV = { DPOP_NONCE: 'false' }

async function journalFindings (app: FastifyInstance, eventId: string): Promise<unknown> {
  return (await app.inject({ method: 'GET', url: `/__admin/requests?eventId=${eventId}` })).json().requests[0]?.findings
}

/** refresh or end as NHN's reference EHR sends them: JSON, no Content-Type; `ath` by choice. */
async function untyped (app: FastifyInstance, action: 'refresh' | 'end', user: UserToken, body: unknown, options: { ath?: boolean } = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/session/${action}`,
    headers: {
      authorization: `DPoP ${user.token}`,
      dpop: await dpopProof(user.key, { htu: `${ISSUER}/api/session/${action}`, ...(options.ath !== false && { accessToken: user.token }) })
    },
    payload: JSON.stringify(body)
  })
}

async function ping (app: FastifyInstance, user: UserToken, sourceSystem?: string) {
  return app.inject({
    method: 'GET',
    url: '/api/session/ping',
    headers: {
      authorization: `DPoP ${user.token}`,
      dpop: await dpopProof(user.key, { htm: 'GET', htu: `${ISSUER}/api/session/ping`, accessToken: user.token }),
      ...(sourceSystem !== undefined && { 'x-source-system': sourceSystem })
    }
  })
}

t.test('innlogging-json-without-content-type: a body without a Content-Type is read as JSON; unconfirmed, strict still answers', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const { sessionId } = await createSession(app, user)
  t.equal(await findingOf(app, 'innlogging-json-without-content-type'), undefined, 'create with application/json is no finding')
  t.equal((await untyped(app, 'refresh', user, { sessionId })).statusCode, 200)
  const finding = await recordedFinding(app, 'innlogging-json-without-content-type')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'unconfirmed')
  t.equal(finding.strict.refuses, false)
  t.match(finding.did, /POST \/api\/session\/refresh: .*without a Content-Type/)
  t.same(await journalFindings(app, finding.firstEventId), ['innlogging-json-without-content-type'], 'the journal entry names the finding')
  t.equal((await readinessReport(app)).verdict, 'ready-with-warnings')
  const typed = await sessionCall(app, 'refresh', user, { sessionId }, { proof: undefined })
  t.equal(typed.statusCode, 200)
  t.equal((await recordedFinding(app, 'innlogging-json-without-content-type')).count, 1, 'with a Content-Type: no finding')
  const wrongType = await app.inject({ method: 'POST', url: '/api/session/refresh', headers: { 'content-type': 'text/plain', authorization: `DPoP ${user.token}` }, payload: JSON.stringify({ sessionId }) })
  t.equal(wrongType.headers['nhn-error-code'] ?? wrongType.json().feilkode, 'KJF-000350', 'a type that is not JSON is still refused')
  t.equal((await recordedFinding(app, 'innlogging-json-without-content-type')).count, 1)

  await strictProfile(app)
  t.equal((await untyped(app, 'end', user, { sessionId })).statusCode, 204, 'strict does not refuse it')
  t.equal((await recordedFinding(app, 'innlogging-json-without-content-type')).count, 2)
  t.equal((await recordedFinding(app, 'innlogging-json-without-content-type')).refused, 0)
})

t.test('innlogging-end-without-ath: only with INNLOGGING_END_REQUIRES_ATH=false; deprecated; strict answers KJF-000198', async (t) => {
  const byDefault = await build(t, ENV)
  const first = await dpopUserToken(byDefault)
  const made = await createSession(byDefault, first)
  const refused = await untyped(byDefault, 'end', first, { sessionId: made.sessionId }, { ath: false })
  t.equal(refused.statusCode, 401, 'refused by default, as HelseID\'s rules say')
  t.equal(await findingOf(byDefault, 'innlogging-end-without-ath'), undefined, 'a refusal is no leniency')

  const app = await build(t, { ...ENV, INNLOGGING_END_REQUIRES_ATH: 'false' })
  const user = await dpopUserToken(app)
  const one = await createSession(app, user)
  t.equal((await untyped(app, 'end', user, { sessionId: one.sessionId }, { ath: false })).statusCode, 204)
  const finding = await recordedFinding(app, 'innlogging-end-without-ath')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'deprecated')
  t.match(finding.did, /POST \/api\/session\/end: .*no ath/)
  t.match(finding.source, /formatering_av_dpop_bevis/)
  const two = await createSession(app, user)
  t.equal((await untyped(app, 'end', user, { sessionId: two.sessionId })).statusCode, 204, 'a proof with ath')
  t.equal((await recordedFinding(app, 'innlogging-end-without-ath')).count, 1, 'a proof with ath is no finding')

  await strictProfile(app)
  const three = await createSession(app, user)
  const strictAnswer = await untyped(app, 'end', user, { sessionId: three.sessionId }, { ath: false })
  t.equal(strictAnswer.statusCode, 401)
  t.match(strictAnswer.json(), { feilkode: 'KJF-000198', utviklermelding: /ath/ })
  t.equal((await recordedFinding(app, 'innlogging-end-without-ath')).refused, 1)
  t.equal((await untyped(app, 'end', user, { sessionId: three.sessionId })).statusCode, 204, 'the session was not ended by the refused call; with ath it ends')
})

t.test('innlogging-source-system-not-checked: ping without X-SOURCE-SYSTEM; unconfirmed, strict still answers', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  t.equal((await ping(app, user, 'ACME EHR 42.01')).statusCode, 200)
  t.equal(await findingOf(app, 'innlogging-source-system-not-checked'), undefined, 'with the header: no finding')
  t.equal((await ping(app, user)).statusCode, 200)
  t.equal((await ping(app, user, ' ')).statusCode, 200)
  const finding = await recordedFinding(app, 'innlogging-source-system-not-checked')
  t.equal(finding.count, 2)
  t.equal(finding.severity, 'unconfirmed')
  t.match(finding.did, /GET \/api\/session\/ping: .*X-SOURCE-SYSTEM/)
  await strictProfile(app)
  t.equal((await ping(app, user)).statusCode, 200, 'strict does not refuse it: the real code is not published')
  t.equal((await recordedFinding(app, 'innlogging-source-system-not-checked')).count, 3)
})

t.test('innlogging-attest-not-required: create with a token without the attest; unconfirmed, strict still answers', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  await createSession(app, user)
  const finding = await recordedFinding(app, 'innlogging-attest-not-required')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'unconfirmed')
  t.match(finding.did, /POST \/api\/session\/create: .*no attest/)

  const attested: UserToken = {
    key: user.key,
    token: await testToken(app, {
      createTillitsrammeverkClaims: true,
      clientClaimsParameters: { scope: INNLOGGING_SCOPES.split(' ').filter((s) => s.startsWith('nhn:')), cnfJkt: user.key.jkt },
      userClaimsParameters: { pid: '01887840020' }
    })
  }
  const { challenge } = pkce()
  const withAttest = await sessionCall(app, 'create', attested, createBody(challenge))
  t.equal(withAttest.statusCode, 200, withAttest.body)
  t.equal((await recordedFinding(app, 'innlogging-attest-not-required')).count, 1, 'a token with the attest is no finding')

  await strictProfile(app)
  await createSession(app, user)
  t.equal((await recordedFinding(app, 'innlogging-attest-not-required')).count, 2, 'strict does not refuse it')

  const checked = await build(t, { ...ENV, INNLOGGING_REQUIRE_ATTEST: 'true' })
  const other = await dpopUserToken(checked)
  const refused = await sessionCall(checked, 'create', other, createBody(pkce().challenge))
  t.equal(refused.statusCode, 401, 'INNLOGGING_REQUIRE_ATTEST refuses it')
  t.equal(await findingOf(checked, 'innlogging-attest-not-required'), undefined, 'and records no finding')
})

t.test('ticket-not-url-encoded: a portal ticket whose + arrived as a space is AUT_119 in both profiles, with a will-fail finding', async (t) => {
  const app = await build(t)
  const ticket = await ticketFor(app, '01887840020')
  t.match(ticket, /\+/, 'tickets carry a +')
  const raw = `/hpp-webapp/hentpasient.html?ticket=${ticket}&test_pid=01887840020`
  const broken = await app.inject({ method: 'GET', url: raw })
  t.equal(broken.statusCode, 401)
  t.match(broken.body, /AUT_119/)
  const report = (await app.inject({ method: 'GET', url: '/__admin/readiness' })).json()
  const finding = report.findings.find((f: { id: string }) => f.id === 'ticket-not-url-encoded')
  t.equal(finding?.count, 1)
  t.equal(finding?.severity, 'will-fail')
  t.equal(report.verdict, 'not-ready')
  const encoded = await app.inject({ method: 'GET', url: `/hpp-webapp/hentpasient.html?ticket=${encodeURIComponent(ticket)}&test_pid=01887840020` })
  t.equal(encoded.statusCode, 200, 'the encoded ticket opens the page')
  await app.inject({ method: 'PUT', url: '/__admin/profile', payload: { profile: 'strict' } })
  const strict = await app.inject({ method: 'GET', url: raw })
  t.equal(strict.statusCode, 401)
  t.match(strict.body, /AUT_119/)
})
