import t from 'tap'
import { SignJWT } from 'jose'
import { TicketCipher, ticketFingerprint } from '../../../server/domain/kjernejournal/tickets.js'
import { RequestJournal } from '../../../server/domain/journal/journal.js'
import { recordBody } from '../../../server/domain/journal/body.js'
import { redactAuthorization, redactHeaders, redactQuery, redactText, redactUrl, tokenClaims } from '../../../server/domain/journal/redact.js'

const key = new TextEncoder().encode('a-test-key-that-is-long-enough-for-hs256')
const exp = Math.floor(Date.parse('2026-03-01T11:00:00Z') / 1000)

async function jwt (claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(key)
}

async function secrets () {
  const accessToken = await jwt({
    client_id: 'sandbox-demo-ehr',
    aud: 'nhn:kjernejournal',
    scope: ['nhn:kjernejournal/api'],
    'helseid://claims/identity/pid': '01887840020',
    'helseid://claims/hpr/hpr_number': '900100101',
    cnf: { jkt: 'thumbprint' }
  })
  const ticket = await new TicketCipher('key material').issue({ orgnr: '310001147', nin: '24868510168', iat: 1, exp: 2 })
  return {
    accessToken,
    ticket,
    proof: await jwt({ htm: 'POST', htu: 'http://sandbox.test/connect/token', jti: 'p1' }),
    assertion: await jwt({ iss: 'sandbox-demo-ehr', sub: 'sandbox-demo-ehr', jti: 'a1' }),
    idToken: await jwt({ sub: 'someone' }),
    clientSecret: 'sandbox-demo-secret',
    code: 'Zq8-authorization-code-value',
    refreshToken: 'opaque-refresh-token-value',
    codeVerifier: 'verifier-verifier-verifier-verifier-verifier-1234'
  }
}

t.test('a bearer token becomes a fingerprint and the claims that say whose it is', async (t) => {
  const { accessToken } = await secrets()
  const { header, token } = redactAuthorization(`Bearer ${accessToken}`)
  t.match(header, /^Bearer \[redacted token, sha256:[A-Za-z0-9_-]{12}\]$/)
  t.same(token?.claims, {
    client_id: 'sandbox-demo-ehr',
    aud: 'nhn:kjernejournal',
    scope: ['nhn:kjernejournal/api'],
    pid: '01887840020',
    hpr: '900100101',
    exp,
    dpop_bound: true
  })
  t.equal(redactAuthorization(`DPoP ${accessToken}`).token?.token, token?.token, 'the same token has the same fingerprint')
  t.equal(redactAuthorization('Bearer not-a-jwt').token?.claims, undefined, 'opaque tokens have no claims')
  t.same(tokenClaims('a.!!!.c'), undefined)
  const basic = redactAuthorization(`Basic ${Buffer.from('my-client:my-secret').toString('base64')}`)
  t.equal(basic.header, 'Basic [redacted, client_id: my-client]')
})

t.test('nothing secret survives in the journal: tokens, proofs, tickets, assertions, form secrets', async (t) => {
  const s = await secrets()
  const headers = redactHeaders({
    authorization: `Bearer ${s.accessToken}`,
    dpop: s.proof,
    'x-kj-ticket': s.ticket,
    cookie: `login=${s.code}`,
    'x-custom': `token ${s.idToken}`,
    'content-type': 'application/x-www-form-urlencoded'
  })
  t.equal(headers.headers['x-kj-ticket'], `[redacted ticket, sha256:${ticketFingerprint(s.ticket)}]`, 'tickets carry the ticket fingerprint')
  t.equal(headers.headers['content-type'], 'application/x-www-form-urlencoded', 'ordinary headers stay')
  const form = recordBody(Object.assign(Object.create(null) as Record<string, unknown>, {
    grant_type: 'authorization_code',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: s.assertion,
    client_secret: s.clientSecret,
    code: s.code,
    refresh_token: [s.refreshToken, s.refreshToken],
    code_verifier: s.codeVerifier,
    scope: 'openid nhn:kjernejournal/api'
  }))
  const text = recordBody(`{"note":"${s.accessToken}","ticket":"${s.ticket}"}`)
  const query = redactQuery(`id_token_hint=${s.idToken}&ticket=${encodeURIComponent(s.ticket)}&state=abc`)
  const location = redactUrl(`https://ehr.test/callback?code=${s.code}&state=abc`)
  const journal = new RequestJournal()
  journal.record({
    time: '2026-03-01T10:00:00.000Z',
    timeMs: 0,
    eventId: 'e',
    method: 'POST',
    path: '/connect/token',
    ...(query !== undefined && { query }),
    route: '/connect/token',
    face: 'helseid',
    status: 400,
    code: 'oauth:invalid_grant',
    durationMs: 1,
    request: { ...headers, ...(form !== undefined && { body: form }) },
    response: { headers: { location }, ...(text !== undefined && { body: text }) }
  })
  const json = JSON.stringify(journal.query())
  for (const [name, secret] of Object.entries(s)) t.notOk(json.includes(secret), `${name} is not in the journal`)
  t.match(json, /grant_type.*authorization_code/, 'harmless fields stay')
  t.match(json, /openid nhn:kjernejournal\/api/)
  t.match(json, /state=abc/)
  t.match(json, /"state":"abc"/)
  t.match(json, /01887840020/, 'the claims summary is kept')
})

t.test('body recording: capped at 4 KB; deep `code` fields are terminology, not secrets', async (t) => {
  const long = recordBody('x'.repeat(10_000), 10_000)
  t.equal(long?.text?.length, 4096)
  t.equal(long?.truncated, true)
  t.equal(long?.bytes, 10_000)
  t.same(recordBody({ big: true }, 1_000_000), { bytes: 1_000_000, truncated: true }, 'large parsed bodies are not serialised')
  t.same(recordBody(Buffer.from('abc')), { bytes: 3, truncated: true })
  t.equal(recordBody(''), undefined)
  const fhir = recordBody({ resourceType: 'Condition', code: { coding: [{ code: 'OVER_REAK' }] } })
  t.match(fhir?.text, /OVER_REAK/)
  t.equal(redactText('no secrets here'), 'no secrets here')
})

t.test('free text: a ticket standing alone is redacted; a hex digest of the same length is not', async (t) => {
  const ticket = await new TicketCipher('key material').issue({ orgnr: '310001147', nin: '24868510168', iat: 1, exp: 2 })
  t.equal(redactText(`{"status":4,"ticket":"${ticket}"}`), `{"status":4,"ticket":"[redacted ticket, sha256:${ticketFingerprint(ticket)}]"}`)
  const digest = 'ab'.repeat(32)
  t.equal(redactText(`{"etag":"${digest}"}`), `{"etag":"${digest}"}`)
  t.equal(redactText(`x${ticket}y`), `x${ticket}y`, 'part of a longer base64 run is not a ticket')
})
