/**
 * CORS for browser-based EHRs: off by default; with CORS_ORIGINS the preflight is answered with
 * the sandbox's request headers allowed, and answers (errors included) expose its headers.
 */
import t from 'tap'
import { build } from '../helper.js'
import { ping } from '../support/kj.js'
import { CI, ciHeaders, ciToken } from '../support/critical-info.js'

const EHR = 'http://localhost:3000'

function preflight (url: string, origin: string, headers: string) {
  return {
    method: 'OPTIONS' as const,
    url,
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers }
  }
}

t.test('without CORS_ORIGINS no CORS headers are sent', async (t) => {
  const app = await build(t)
  const res = await ping(app, { headers: { origin: EHR } })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['access-control-allow-origin'], undefined)
  const pre = await app.inject(preflight('/v1/helseindikator', EHR, 'authorization'))
  t.equal(pre.headers['access-control-allow-origin'], undefined, 'no preflight answer either')
})

t.test('a listed origin: preflight allows the sandbox headers, answers expose its headers', async (t) => {
  const app = await build(t, { CORS_ORIGINS: `${EHR},https://ehr.example.no` })
  const pre = await app.inject(preflight('/api/critical-information/v1/Condition', EHR, 'authorization,dpop,content-type,nhn-patient-nin,x-kj-ticket'))
  t.equal(pre.statusCode, 204)
  t.equal(pre.headers['access-control-allow-origin'], EHR)
  const allowed = String(pre.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/)
  for (const h of ['authorization', 'dpop', 'x-kj-ticket', 'x-epj-system', 'nhn-patient-nin', 'nhn-access-basis', 'nhn-user-role', 'nhn-source-system', 'if-match', 'kj-samtykke-bruk', 'x-sandbox-session']) {
    t.ok(allowed.includes(h), `${h} may be sent`)
  }
  t.match(String(pre.headers['access-control-allow-methods']), /PUT/)
  t.equal(pre.headers['access-control-max-age'], '600')

  const res = await ping(app, { headers: { origin: EHR } })
  t.equal(res.headers['access-control-allow-origin'], EHR)
  const exposed = String(res.headers['access-control-expose-headers']).toLowerCase().split(/,\s*/)
  for (const h of ['nhn-error-code', 'x-kj-feilkode', 'x-event-id', 'etag', 'location', 'last-modified', 'dpop-nonce', 'www-authenticate']) {
    t.ok(exposed.includes(h), `${h} is exposed`)
  }

  // An error answer needs the headers too, or the browser hides the error code from the EHR.
  const refused = await ping(app, { token: null, headers: { origin: EHR } })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['access-control-allow-origin'], EHR)
  t.equal(refused.headers['nhn-error-code'], 'KJF-000279')

  const other = await ping(app, { headers: { origin: 'https://evil.example' } })
  t.equal(other.headers['access-control-allow-origin'], undefined, 'an origin not listed gets nothing')
})

t.test('* allows any origin, also through a session prefix and on the FHIR faces', async (t) => {
  const app = await build(t, { CORS_ORIGINS: '*' })
  const pre = await app.inject(preflight('/s/browser-1/connect/token', 'https://anywhere.example', 'dpop'))
  t.equal(pre.statusCode, 204)
  t.equal(pre.headers['access-control-allow-origin'], '*')
  const token = await ciToken(app)
  const res = await app.inject({
    method: 'GET',
    url: `${CI}/AllergyIntolerance`,
    headers: { origin: 'https://anywhere.example', authorization: `Bearer ${token}`, ...ciHeaders('17815810112') }
  })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['access-control-allow-origin'], '*')
  t.ok(res.headers['x-event-id'])
})

t.test('a malformed CORS_ORIGINS stops start-up naming the setting', async (t) => {
  await t.rejects(build(t, { CORS_ORIGINS: 'localhost:3000' }), /CORS_ORIGINS/)
})
