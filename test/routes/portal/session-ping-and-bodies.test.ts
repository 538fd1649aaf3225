/**
 * Kjernejournal Innlogging as NHN's own clients call it: GET /api/session/ping, refresh and end
 * with a JSON body but no Content-Type, and the end proof without `ath` (INNLOGGING_END_REQUIRES_ATH).
 */
import t from 'tap'
import { dpopProof } from '../../support/dpop.js'
import { testToken } from '../../support/kj.js'
import { createSession, dpopUserToken, sessionCall, type UserToken } from '../../support/portal.js'
import { build, ISSUER } from '../../helper.js'
import type { FastifyInstance } from 'fastify'

const ENV = { DPOP_NONCE: 'false' }

async function ping (app: FastifyInstance, user: UserToken, options: { scheme?: string, proof?: string | null, sourceSystem?: boolean } = {}) {
  const proof = options.proof === undefined ? await dpopProof(user.key, { htm: 'GET', htu: `${ISSUER}/api/session/ping`, accessToken: user.token }) : options.proof
  return app.inject({
    method: 'GET',
    url: '/api/session/ping',
    headers: {
      authorization: `${options.scheme ?? 'DPoP'} ${user.token}`,
      ...(options.sourceSystem !== false && { 'x-source-system': 'fake' }),
      ...(proof !== null && { dpop: proof })
    }
  })
}

/** refresh or end as NHN's reference EHR sends them: JSON, no Content-Type. */
async function untyped (app: FastifyInstance, action: 'refresh' | 'end', user: UserToken, body: string, options: { ath?: boolean, contentType?: string } = {}) {
  const htu = `${ISSUER}/api/session/${action}`
  return app.inject({
    method: 'POST',
    url: `/api/session/${action}`,
    headers: {
      authorization: `DPoP ${user.token}`,
      dpop: await dpopProof(user.key, { htu, ...(options.ath !== false && { accessToken: user.token }) }),
      ...(options.contentType !== undefined && { 'content-type': options.contentType })
    },
    payload: body
  })
}

t.test('ping: 200 with a timestamp for a good token and proof, the token codes otherwise', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const ok = await ping(app, user)
  t.equal(ok.statusCode, 200, ok.body)
  t.equal(ok.headers['cache-control'], 'no-store')
  t.match(ok.headers['x-event-id'], /^Id-/)
  t.same(Object.keys(ok.json()), ['Pong'], 'the field NHN\'s ping table names')
  t.ok(Number.isFinite(Date.parse(ok.json().Pong)), 'a timestamp')
  t.equal((await ping(app, user, { sourceSystem: false })).statusCode, 200, 'X-SOURCE-SYSTEM is not checked (docs/assumptions.md)')

  const none = await app.inject({ method: 'GET', url: '/api/session/ping' })
  t.equal(none.statusCode, 401)
  t.match(none.json(), { status: 401, feilkode: 'KJF-000279' }, 'without a token: 401, as create answers')
  const cases: Array<[string, Promise<{ statusCode: number, json(): unknown }>, string, number, RegExp]> = [
    ['a proof for POST', ping(app, user, { proof: await dpopProof(user.key, { htm: 'POST', htu: `${ISSUER}/api/session/ping`, accessToken: user.token }) }), 'KJF-000198', 401, /htm/],
    ['no proof', ping(app, user, { proof: null }), 'KJF-000198', 401, /DPoP proof/],
    ['a proof without ath', ping(app, user, { proof: await dpopProof(user.key, { htm: 'GET', htu: `${ISSUER}/api/session/ping` }) }), 'KJF-000198', 401, /ath/],
    ['Bearer', ping(app, user, { scheme: 'Bearer', proof: null }), 'KJF-000198', 401, /requires a DPoP-bound token/],
    ['no innlogging scope', ping(app, await dpopUserToken(app, '01887840020', 'openid nhn:kjernejournal/api')), 'KJF-000197', 403, /innlogging/],
    ['a system token', ping(app, { ...user, token: await testToken(app, { withoutDefaultUserClaims: true, clientClaimsParameters: { scope: ['nhn:kjernejournal/innlogging'], cnfJkt: user.key.jkt } }) }), 'KJF-000218', 401, /user token/]
  ]
  for (const [name, call, code, status, why] of cases) {
    const res = await call
    t.equal(res.statusCode, status, `${name}: HTTP ${status}`)
    t.match(res.json(), { feilkode: code, utviklermelding: why }, name)
  }
  const post = await app.inject({ method: 'POST', url: '/api/session/ping', headers: { 'content-type': 'application/json' }, payload: '{}' })
  t.equal(post.json().feilkode, 'KJF-000229', 'ping is GET only')
})

t.test('PING_FIELD=pong spells the field in lower case, on both pings', async (t) => {
  const app = await build(t, { ...ENV, PING_FIELD: 'pong' })
  const user = await dpopUserToken(app)
  t.same(Object.keys((await ping(app, user)).json()), ['pong'])
  const rest = await app.inject({ method: 'GET', url: '/v1/ping', headers: { authorization: `Bearer ${await testToken(app, {})}`, 'x-epj-system': 'ACME EHR 42.01' } })
  t.equal(rest.statusCode, 200, rest.body)
  t.ok(Number.isFinite(Date.parse(rest.json().pong)))
  t.notOk('Pong' in rest.json())
})

t.test('refresh and end take JSON without a Content-Type; another type is still KJF-000350', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const { sessionId } = await createSession(app, user)
  const refreshed = await untyped(app, 'refresh', user, JSON.stringify({ sessionId }))
  t.equal(refreshed.statusCode, 200, refreshed.body)
  t.equal(refreshed.json().sessionId, sessionId)
  const textPlain = await untyped(app, 'refresh', user, JSON.stringify({ sessionId }), { contentType: 'text/plain' })
  t.equal(textPlain.statusCode, 415)
  t.equal(textPlain.json().feilkode, 'KJF-000350')
  const notJson = await untyped(app, 'refresh', user, 'sessionId=x')
  t.match(notJson.json(), { feilkode: 'KJF-000260', utviklermelding: /not valid JSON/ }, 'an untyped body must still be JSON')
  const empty = await untyped(app, 'refresh', user, '')
  t.match(empty.json(), { feilkode: 'KJF-000260', utviklermelding: /empty/ })
  const ended = await untyped(app, 'end', user, JSON.stringify({ sessionId }))
  t.equal(ended.statusCode, 204, ended.body)
})

t.test('the end proof needs ath by default; INNLOGGING_END_REQUIRES_ATH=false accepts NHN\'s client without it', async (t) => {
  const strict = await build(t, ENV)
  const user = await dpopUserToken(strict)
  const { sessionId } = await createSession(strict, user)
  const refused = await untyped(strict, 'end', user, JSON.stringify({ sessionId }), { ath: false })
  t.equal(refused.statusCode, 401)
  t.match(refused.json(), { feilkode: 'KJF-000198', utviklermelding: /ath/ }, 'HelseID\'s DPoP rules: every API proof carries ath')

  const lenient = await build(t, { ...ENV, INNLOGGING_END_REQUIRES_ATH: 'false' })
  const other = await dpopUserToken(lenient)
  const made = await createSession(lenient, other)
  const withoutAth = await untyped(lenient, 'end', other, JSON.stringify({ sessionId: made.sessionId }), { ath: false })
  t.equal(withoutAth.statusCode, 204, withoutAth.body)
  const second = await createSession(lenient, other)
  const wrongAth = await sessionCall(lenient, 'end', other, { sessionId: second.sessionId }, { proof: await dpopProof(other.key, { htu: `${ISSUER}/api/session/end`, accessToken: `${other.token}x` }) })
  t.match(wrongAth.json(), { feilkode: 'KJF-000198', utviklermelding: /ath/ }, 'an ath that is there must still match')
  const refresh = await untyped(lenient, 'refresh', other, JSON.stringify({ sessionId: second.sessionId }), { ath: false })
  t.equal(refresh.json().feilkode, 'KJF-000198', 'only end is lenient')
})
