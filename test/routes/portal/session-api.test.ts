/** Kjernejournal Innlogging: /api/session/create, refresh, end, and hentpasient.html?code=&ehr_code_verifier=. */
import t from 'tap'
import { pkce } from '../../support/login.js'
import { dpopProof } from '../../support/dpop.js'
import { testToken } from '../../support/kj.js'
import { advanceClock, createBody, createSession, dpopUserToken, pageUrl, sessionCall, shownCode } from '../../support/portal.js'
import { build, ISSUER, standingWall } from '../../helper.js'

const ENV = { DPOP_NONCE: 'false' }

t.test('create answers {code, sessionId}; the code with its verifier opens the patient once', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const { verifier, challenge } = pkce()
  const created = await sessionCall(app, 'create', user, createBody(challenge, { basis: 'AKUTT' }))
  t.equal(created.statusCode, 200, created.body)
  t.equal(created.headers['cache-control'], 'no-store')
  const { code, sessionId } = created.json() as { code: string, sessionId: string }
  t.match(code, /^[A-Za-z0-9_-]{43}$/)
  t.match(sessionId, /^[0-9a-f-]{36}$/)
  const page = await app.inject(pageUrl({ code, ehr_code_verifier: verifier }))
  t.equal(page.statusCode, 200)
  t.match(page.body, /Kristian Kritisk/)
  t.match(page.body, /Fenoksymetylpenicillin/)
  t.match(page.body, /Akutt behov \(AKUTT\)/)
  t.match(page.body, new RegExp(`Kjernejournal Innlogging, sesjon ${sessionId}`))
  t.match(page.body, /Ingrid Lege \(HPR 900100101\), rolle LE/)
  const again = await app.inject(pageUrl({ code, ehr_code_verifier: verifier }))
  t.equal(again.statusCode, 401)
  t.equal(shownCode(again.body), 'AUT_119', 'a code works once')
  t.match(again.body, /already used/)
})

t.test('the code page refuses a wrong or missing verifier, an unknown code, and an expired code', async (t) => {
  // "expired 1 seconds ago" must not depend on how long the test took.
  const app = await build(t, ENV, standingWall())
  const user = await dpopUserToken(app)
  const wrong = await createSession(app, user)
  let res = await app.inject(pageUrl({ code: wrong.code, ehr_code_verifier: pkce().verifier }))
  t.equal(shownCode(res.body), 'AUT_119')
  t.match(res.body, /does not match the ehr_code_challenge/)
  res = await app.inject(pageUrl({ code: wrong.code, ehr_code_verifier: wrong.verifier }))
  t.equal(shownCode(res.body), 'AUT_119', 'a failed try uses the code up')
  const missing = await createSession(app, user)
  res = await app.inject(pageUrl({ code: missing.code }))
  t.equal(shownCode(res.body), 'AUT_119')
  t.match(res.body, /ehr_code_verifier is missing/)
  res = await app.inject(pageUrl({ code: 'bm90LWEtY29kZQ', ehr_code_verifier: missing.verifier }))
  t.equal(shownCode(res.body), 'AUT_119')
  const late = await createSession(app, user)
  await advanceClock(app, 61)
  res = await app.inject(pageUrl({ code: late.code, ehr_code_verifier: late.verifier }))
  t.equal(res.statusCode, 401)
  t.equal(shownCode(res.body), 'AUT_002', 'a code lives INNLOGGING_CODE_LIFETIME (60 s) on the sandbox clock')
  t.match(res.body, /the code expired 1 seconds ago/)
})

t.test('a session past its lifetime, or ended, no longer opens', async (t) => {
  const app = await build(t, { ...ENV, INNLOGGING_CODE_LIFETIME: '900', INNLOGGING_SESSION_LIFETIME: '600' }, standingWall())
  const user = await dpopUserToken(app)
  const old = await createSession(app, user)
  await advanceClock(app, 601)
  let res = await app.inject(pageUrl({ code: old.code, ehr_code_verifier: old.verifier }))
  t.equal(shownCode(res.body), 'AUT_002')
  t.match(res.body, /expired 1 seconds ago/)
  const fresh = await dpopUserToken(app)
  const ended = await createSession(app, fresh)
  t.equal((await sessionCall(app, 'end', fresh, { sessionId: ended.sessionId })).statusCode, 204)
  res = await app.inject(pageUrl({ code: ended.code, ehr_code_verifier: ended.verifier }))
  t.equal(shownCode(res.body), 'AUT_119')
  t.match(res.body, /has ended/)
})

t.test('refresh renews the session on the sandbox clock; end closes it; both only for their owner', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const { sessionId } = await createSession(app, user)
  await advanceClock(app, 500)
  const refreshed = await sessionCall(app, 'refresh', user, { sessionId })
  t.equal(refreshed.statusCode, 200, refreshed.body)
  t.equal(refreshed.json().sessionId, sessionId)
  t.equal(refreshed.json().expires_in, 600)
  const clock = (await app.inject('/__admin/clock')).json() as { now: string }
  // The clock runs on between the two requests, so allow it a few seconds.
  t.ok(Math.abs(Date.parse(refreshed.json().expiresAt) - (Date.parse(clock.now) + 600_000)) < 5000, 'now + the session lifetime')
  await advanceClock(app, 500)
  // The first access token (600 s) is gone by now; the EHR gets a new one for the same user.
  const later = await dpopUserToken(app)
  t.equal((await sessionCall(app, 'refresh', later, { sessionId })).statusCode, 200, 'alive 1000 s after creation because it was refreshed')

  const nurse = await dpopUserToken(app, '15897140001')
  const stranger = await sessionCall(app, 'refresh', nurse, { sessionId })
  t.equal(stranger.statusCode, 403)
  t.equal(stranger.json().feilkode, 'KJF-000177')
  t.equal((await sessionCall(app, 'end', nurse, { sessionId })).json().feilkode, 'KJF-000177')

  t.equal((await sessionCall(app, 'end', later, { sessionId })).statusCode, 204)
  const after = await sessionCall(app, 'refresh', later, { sessionId })
  t.equal(after.statusCode, 404)
  t.match(after.json(), { status: 404, feilkode: 'KJF-000229', utviklermelding: /has ended/ })
  t.equal(after.headers['nhn-error-code'], 'KJF-000229')
  const unknown = await sessionCall(app, 'end', later, { sessionId: 'no-such-session' })
  t.equal(unknown.json().feilkode, 'KJF-000229')
  const noId = await sessionCall(app, 'refresh', later, {})
  t.match(noId.json(), { feilkode: 'KJF-000260', utviklermelding: /sessionId is missing/ })
})

t.test('the token: DPoP-bound, with its proof, a user, the innlogging scope', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const body = createBody(pkce().challenge)
  const cases: Array<[string, Promise<{ statusCode: number, json(): unknown }>, string, RegExp]> = [
    ['no Authorization', app.inject({ method: 'POST', url: '/api/session/create', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) }), 'KJF-000279', /Authorization/],
    ['a DPoP-bound token sent as Bearer', sessionCall(app, 'create', user, body, { scheme: 'Bearer', proof: null }), 'KJF-000198', /requires a DPoP-bound token/],
    ['the DPoP scheme without a proof', sessionCall(app, 'create', user, body, { proof: null }), 'KJF-000198', /DPoP proof/],
    ['a proof for another URL', sessionCall(app, 'create', user, body, { proof: await dpopProof(user.key, { htu: `${ISSUER}/api/session/end`, accessToken: user.token }) }), 'KJF-000198', /htu/],
    ['a token that is not DPoP-bound', sessionCall(app, 'create', { ...user, token: await testToken(app, { clientClaimsParameters: { scope: ['nhn:kjernejournal/innlogging'] }, userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' } }) }, body), 'KJF-000198', /not DPoP-bound/],
    ['a token without the innlogging scope', sessionCall(app, 'create', await dpopUserToken(app, '01887840020', 'openid nhn:kjernejournal/api'), body), 'KJF-000197', /nhn:kjernejournal\/innlogging/]
  ]
  for (const [name, call, code, why] of cases) {
    const res = await call
    t.match(res.json(), { feilkode: code, utviklermelding: why }, name)
    t.equal(res.statusCode, code === 'KJF-000197' ? 403 : 401, `${name}: HTTP status`)
  }
})

t.test('the body and the patient', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const { challenge } = pkce()
  const cases: Array<[string, unknown, string, number, RegExp]> = [
    ['not JSON', '{"ehr_code_challenge":', 'KJF-000260', 400, /not valid JSON/],
    ['no challenge', { claims: {} }, 'KJF-000260', 400, /ehr_code_challenge is missing/],
    ['a plain challenge', createBody('plain-verifier-sent-as-challenge'), 'KJF-000260', 400, /BASE64URL\(SHA-256/],
    ['no claims', { ehr_code_challenge: challenge }, 'KJF-000260', 400, /claims must be a JSON object/],
    ['a patient that is no identity number', createBody(challenge, { nin: '12345678901' }), 'KJF-000016', 400, /not a national identity number/],
    ['an unknown access basis', createBody(challenge, { basis: 'NYSGJERRIG' }), 'KJF-000323', 400, /SAMTYKKE, AKUTT, UNNTAK/],
    ['a dead patient', createBody(challenge, { nin: '09923810878' }), 'KJF-000017', 403, /dead/],
    ['a patient reserved against Kjernejournal', createBody(challenge, { nin: '12836210806' }), 'KJF-000168', 403, /reserved/],
    ['a role the user does not hold', createBody(challenge, { role: 'SP' }), 'AUT_104', 403, /holds LE/]
  ]
  for (const [name, body, code, status, why] of cases) {
    const res = await sessionCall(app, 'create', user, body)
    t.equal(res.statusCode, status, `${name}: HTTP ${status}`)
    t.match(res.json(), { status, feilkode: code, utviklermelding: why, brukermelding: new RegExp(code) }, name)
  }
  const wrongType = await app.inject({ method: 'POST', url: '/api/session/create', headers: { 'content-type': 'text/plain' }, payload: '{}' })
  t.equal(wrongType.json().feilkode, 'KJF-000350')
  t.equal(wrongType.statusCode, 415)
})

t.test('the user and the organisation, in AUT codes', async (t) => {
  const app = await build(t, ENV)
  const { challenge } = pkce()
  const users: Array<[string, string, string]> = [
    ['13818310166', 'AUT_101', 'not registered'],
    ['06838810177', 'AUT_128', 'HPR roles FT'],
    ['07916940046', 'AUT_108', 'no HPR number']
  ]
  for (const [pid, code, why] of users) {
    const res = await sessionCall(app, 'create', await dpopUserToken(app, pid), createBody(challenge))
    t.equal(res.statusCode, 403)
    t.match(res.json(), { feilkode: code, utviklermelding: new RegExp(why) }, `${pid}: ${code}`)
  }
  const inactive = await app.inject({
    method: 'POST',
    url: '/v2/create-test-token-with-key',
    payload: {
      audience: 'nhn:kjernejournal',
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htuClaimValue: `${ISSUER}/api/session/create`, htmClaimValue: 'POST' },
      clientClaimsParameters: { scope: ['nhn:kjernejournal/innlogging', 'nhn:kjernejournal/tillitsrammeverk'], orgnrParent: '310001961', orgnrChild: '310001961' },
      userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }
    }
  })
  const { accessTokenJwt, dPoPProof } = inactive.json().successResponse as { accessTokenJwt: string, dPoPProof: string }
  const res = await app.inject({ method: 'POST', url: '/api/session/create', headers: { 'content-type': 'application/json', authorization: `DPoP ${accessTokenJwt}`, dpop: dPoPProof }, payload: JSON.stringify(createBody(challenge)) })
  t.match(res.json(), { feilkode: 'AUT_146', utviklermelding: /310001961.*not active/ }, 'the token\'s organisation must be active')
})

t.test('an ad hoc user with an HPR number from a test token is taken as a physician', async (t) => {
  const app = await build(t, ENV)
  const res = await app.inject({
    method: 'POST',
    url: '/v2/create-test-token-with-key',
    payload: {
      audience: 'nhn:kjernejournal',
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htuClaimValue: `${ISSUER}/api/session/create`, htmClaimValue: 'POST' },
      clientClaimsParameters: { scope: ['nhn:kjernejournal/innlogging', 'nhn:kjernejournal/tillitsrammeverk'] },
      userClaimsParameters: { pid: '24868510168', hprNumber: '912345678', securityLevel: '4' }
    }
  })
  const { accessTokenJwt, dPoPProof } = res.json().successResponse as { accessTokenJwt: string, dPoPProof: string }
  const { verifier, challenge } = pkce()
  const created = await app.inject({ method: 'POST', url: '/api/session/create', headers: { 'content-type': 'application/json', authorization: `DPoP ${accessTokenJwt}`, dpop: dPoPProof }, payload: JSON.stringify(createBody(challenge)) })
  t.equal(created.statusCode, 200, created.body)
  const page = await app.inject(pageUrl({ code: created.json().code, ehr_code_verifier: verifier }))
  t.match(page.body, /Ukjent Helsepersonell \(HPR 912345678\), rolle LE/)
})

t.test('sessions are per sandbox session: a code from /s/a does not open /s/b', async (t) => {
  const app = await build(t, ENV)
  const user = await dpopUserToken(app)
  const { verifier, challenge } = pkce()
  const created = await sessionCall(app, 'create', user, createBody(challenge))
  const code = created.json().code as string
  const elsewhere = await app.inject(pageUrl({ code, ehr_code_verifier: verifier }, '/s/other'))
  t.equal(shownCode(elsewhere.body), 'AUT_119')
  t.equal((await app.inject(pageUrl({ code, ehr_code_verifier: verifier }))).statusCode, 200)
})
