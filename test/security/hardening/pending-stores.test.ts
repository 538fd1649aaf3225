/**
 * Issue 18, item 2, beyond the journal: every per-session store a stranger can fill (codes,
 * pushed requests, login-page requests, refresh tokens, critical information) is bounded across
 * all sessions too, and what one entry holds is bounded. 10,000 per session times MAX_SESSIONS
 * sessions was no bound at all.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { CLIENT_ASSERTION_TYPE } from '../../../server/domain/helseid/claims.js'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import type { Session } from '../../../server/domain/session.js'
import { build, clientAssertion, form, tokenRequest } from '../../helper.js'
import { CI, ciHeaders, ciToken } from '../../support/critical-info.js'
import { authorizeQuery, loginCode, pkce, REDIRECT_URI } from '../../support/login.js'

const CAP = 40
const SESSIONS = 25

function total (app: FastifyInstance, size: (s: Session) => number): number {
  return app.sandbox.sessions.list().reduce((n, s) => n + size(s), 0)
}

async function push (app: FastifyInstance, session: string, params: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: `/s/${session}/connect/par`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: await clientAssertion({ audience: `http://sandbox.test/s/${session}/connect/token` }),
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid nhn:kjernejournal/api',
      code_challenge_method: 'S256',
      code_challenge: pkce().challenge,
      ...params
    })
  })
}

t.test('pushed requests of all sessions together stay within the pool; the newest still work', async (t) => {
  const app = await build(t, {}, { poolCaps: { pushedRequests: CAP } })
  let last = ''
  for (let i = 0; i < 3 * CAP; i++) {
    const res = await push(app, `par-${i % SESSIONS}`, { test_pid: '01887840020' })
    if (res.statusCode !== 201) t.fail(`push ${i}: ${res.statusCode} ${res.body}`)
    last = res.json().request_uri
  }
  const kept = total(app, (s) => s.pushedRequests.size)
  t.equal(kept, CAP, `${kept} pushed requests kept across ${SESSIONS} sessions (${3 * CAP} pushed)`)
  t.equal(app.sandbox.sessions.shared.pools.pushedRequests.size, CAP)
  const newest = await app.inject(`/s/par-${(3 * CAP - 1) % SESSIONS}/connect/authorize?client_id=sandbox-demo-ehr&request_uri=${encodeURIComponent(last)}`)
  t.equal(newest.statusCode, 302, 'the newest pushed request is still there')
})

t.test('authorization codes and login-page requests of all sessions stay within their pools', async (t) => {
  const app = await build(t, {}, { poolCaps: { codes: CAP, interactions: CAP } })
  for (let i = 0; i < 3 * CAP; i++) {
    const session = `code-${i % SESSIONS}`
    const withHint = await app.inject(`/s/${session}/connect/authorize?${authorizeQuery({ test_pid: '01887840020', code_challenge: pkce().challenge })}`)
    if (withHint.statusCode !== 302) t.fail(`authorize ${i}: ${withHint.statusCode}`)
    const loginPage = await app.inject(`/s/${session}/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge })}`)
    if (loginPage.statusCode !== 200) t.fail(`login page ${i}: ${loginPage.statusCode}`)
  }
  t.equal(total(app, (s) => s.codes.size), CAP, 'codes kept across sessions')
  t.equal(total(app, (s) => s.interactions.size), CAP, 'login-page requests kept across sessions')
  // The newest code of all still buys a token.
  const { code, verifier } = await loginCode(app)
  const tokens = await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })
  t.equal(tokens.statusCode, 200, tokens.body)
})

t.test('refresh tokens of all sessions stay within their pool', async (t) => {
  const app = await build(t, {}, { poolCaps: { refreshTokens: 5 } })
  for (let i = 0; i < 12; i++) {
    const session = `refresh-${i % 4}`
    const { verifier, challenge } = pkce()
    const res = await app.inject(`/s/${session}/connect/authorize?${authorizeQuery({ test_pid: '01887840020', code_challenge: challenge })}`)
    const code = new URL(res.headers.location as string).searchParams.get('code') as string
    const tokens = await app.inject({
      method: 'POST',
      url: `/s/${session}/connect/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: await clientAssertion({ audience: `http://sandbox.test/s/${session}/connect/token` }),
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier
      })
    })
    if (tokens.statusCode !== 200 || typeof tokens.json().refresh_token !== 'string') t.fail(`token ${i}: ${tokens.statusCode} ${tokens.body}`)
  }
  t.equal(total(app, (s) => s.refreshTokens.size), 5)
})

t.test('sessions evicted, reset or deleted give their entries back to the pool', async (t) => {
  const app = await build(t, { MAX_SESSIONS: '3' }, { poolCaps: { pushedRequests: CAP } })
  for (let i = 0; i < 10; i++) {
    const res = await push(app, `gone-${i}`)
    t.equal(res.statusCode, 201)
  }
  const pool = app.sandbox.sessions.shared.pools.pushedRequests
  t.equal(pool.size, total(app, (s) => s.pushedRequests.size), 'the pool counts only what live sessions hold')
  t.ok(pool.size <= 3, `${pool.size} left`)
  await app.inject({ method: 'DELETE', url: '/__admin/sessions/gone-9' })
  t.equal(pool.size, total(app, (s) => s.pushedRequests.size), 'and a deleted session\'s go too')
})

t.test('oversize parameters are refused with the endpoint\'s own errors, before anything is kept', async (t) => {
  const app = await build(t)
  const longState = 's'.repeat(513)
  const viaPar = await push(app, 'sizes', { state: longState })
  t.equal(viaPar.statusCode, 400)
  t.match(viaPar.json(), { error: 'invalid_request', error_description: /'state' is longer than 512/ })
  t.equal((await push(app, 'sizes', { state: 's'.repeat(512) })).statusCode, 201, '512 characters of state are fine')
  const nonce = await push(app, 'sizes', { nonce: 'n'.repeat(513) })
  t.match(nonce.json(), { error: 'invalid_request', error_description: /'nonce'/ })
  const hint = await push(app, 'sizes', { login_hint: 'h'.repeat(257) })
  t.match(hint.json(), { error: 'invalid_request', error_description: /'login_hint'/ })

  // At /connect/authorize an error after the redirect URI is trusted goes back to the client.
  const authorize = await app.inject(`/s/sizes/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge, nonce: 'n'.repeat(600) })}`)
  t.equal(authorize.statusCode, 302)
  const location = new URL(authorize.headers.location as string)
  t.equal(location.searchParams.get('error'), 'invalid_request')
  t.equal(location.searchParams.get('state'), 'st-1')
  // An oversize redirect_uri is not trusted: shown, never redirected to.
  const redirect = await app.inject(`/s/sizes/connect/authorize?${authorizeQuery({ code_challenge: pkce().challenge, redirect_uri: `http://ehr.test/${'r'.repeat(2100)}` })}`)
  t.equal(redirect.statusCode, 400)
  t.match(redirect.headers['content-type'], /text\/html/)
  t.match(redirect.body, /redirect_uri/)
  const resources = await push(app, 'sizes', { resource: 'nhn:kjernejournal' })
  t.equal(resources.statusCode, 201, 'one resource is fine')
  const many = await app.inject({
    method: 'POST',
    url: '/s/sizes/connect/par',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `${form({ client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await clientAssertion({ audience: 'http://sandbox.test/s/sizes/connect/token' }), response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid nhn:kjernejournal/api', code_challenge_method: 'S256', code_challenge: pkce().challenge })}${'&resource=nhn%3Akjernejournal'.repeat(17)}`
  })
  t.match(many.json(), { error: 'invalid_request', error_description: /at most 16 'resource'/ })
  t.equal(app.sandbox.sessions.peek('sizes')?.pushedRequests.size, 2, 'only the two good requests were kept')
})

t.test('critical information of all sessions together stays within its budget; KI-0016 past it', async (t) => {
  const BUDGET = 256 * 1024
  const app = await build(t, {}, { criticalInfoBudgetBytes: BUDGET })
  const budget = app.sandbox.sessions.shared.criticalInfoBudget
  const token = await ciToken(app)
  const nin = '24868510168'
  const write = async (session: string) => app.inject({
    method: 'POST',
    url: `${CI}/Condition`,
    headers: { 'x-sandbox-session': session, authorization: `Bearer ${token}`, ...ciHeaders(nin), 'content-type': 'application/fhir+json' },
    payload: JSON.stringify(sampleResource('KjConditionInfection', nin))
  })
  // The sessions first: seeding a new session is charged but never refused.
  for (let i = 0; i < 10; i++) await app.inject({ url: `/s/ci-${i}/__admin/clock` })
  t.ok(budget.usedBytes < BUDGET / 2, `seeds take ${budget.usedBytes} bytes`)
  let refused: Awaited<ReturnType<typeof write>> | undefined
  for (let i = 0; i < 1000 && refused === undefined; i++) {
    const res = await write(`ci-${i % 10}`)
    if (res.statusCode !== 201) refused = res
  }
  t.ok(refused !== undefined, 'writes are refused once the budget is spent')
  t.equal(refused?.statusCode, 400)
  t.match(refused?.body, /KI-0016/)
  t.match(refused?.body, /across all sessions/)
  t.ok(budget.usedBytes <= BUDGET, `${budget.usedBytes} of ${BUDGET} bytes used`)
  await app.inject({ method: 'DELETE', url: '/__admin/sessions/ci-0' })
  await app.inject({ method: 'DELETE', url: '/__admin/sessions/ci-1' })
  t.equal((await write('ci-2')).statusCode, 201, 'deleting sessions gives their bytes back')
})
