/**
 * Issue 18, item 4: no cross-site requests to the admin API, and no DNS rebinding. A web page
 * could reset sessions with a text/plain POST (robustness probe, finding 5); the Host header was
 * never checked (finding 15).
 */
import t from 'tap'
import { build } from '../../helper.js'

const EVIL = 'http://evil.example'
const CHANGES = [
  ['POST', '/__admin/reset'],
  ['POST', '/__admin/sessions/victim/reset'],
  ['POST', '/__admin/scenarios/reset'],
  ['POST', '/__admin/fixtures/reload'],
  ['POST', '/s/victim/__admin/clock/advance']
] as const

t.test('a cross-site page cannot change anything, whatever it sends', async (t) => {
  const app = await build(t)
  for (const [method, url] of CHANGES) {
    const plain = await app.inject({ method, url, headers: { origin: EVIL, 'content-type': 'text/plain' }, payload: '{}' })
    t.equal(plain.statusCode, 403, `${url}: Origin of another site`)
    t.equal(plain.json().error, 'cross_site_request')
    const referer = await app.inject({ method, url, headers: { referer: `${EVIL}/page` } })
    t.equal(referer.statusCode, 403, `${url}: Referer of another site, no Origin`)
    const opaque = await app.inject({ method, url, headers: { origin: 'null' } })
    t.equal(opaque.statusCode, 403, `${url}: an opaque origin (sandboxed frame, file:)`)
  }
  const noCors = await app.inject({ method: 'POST', url: '/__admin/reset', headers: { 'content-type': 'text/plain' }, payload: '' })
  t.equal(noCors.statusCode, 415, 'a body that is not JSON is refused even without Origin')
  t.equal(noCors.json().error, 'unsupported_media_type')
})

t.test('curl, CI clients, the dashboard and listed origins keep working', async (t) => {
  const app = await build(t, { CORS_ORIGINS: 'http://localhost:3000' })
  t.equal((await app.inject({ method: 'POST', url: '/__admin/reset' })).statusCode, 204, 'no Origin: curl, CI')
  const json = await app.inject({ method: 'POST', url: '/s/a/__admin/clock/advance', payload: { minutes: 1 } })
  t.equal(json.statusCode, 200, 'a JSON body')
  const own = await app.inject({ method: 'POST', url: '/__admin/reset', headers: { origin: 'http://localhost:80', host: 'localhost:80' } })
  t.equal(own.statusCode, 204, 'the sandbox\'s own origin (the dashboard)')
  const publicUrl = await app.inject({ method: 'POST', url: '/__admin/reset', headers: { origin: 'http://sandbox.test', referer: 'http://sandbox.test/' } })
  t.equal(publicUrl.statusCode, 204, 'PUBLIC_URL\'s origin')
  const listed = await app.inject({ method: 'POST', url: '/__admin/reset', headers: { origin: 'http://localhost:3000' } })
  t.equal(listed.statusCode, 204, 'an origin in CORS_ORIGINS')
  const read = await app.inject({ url: '/__admin/sessions', headers: { origin: EVIL } })
  t.equal(read.statusCode, 200, 'reads are left to CORS (no CORS header, so the page cannot read them)')
})

t.test('a Host that is none of the sandbox\'s names is refused (DNS rebinding), with a setting for proxies', async (t) => {
  const app = await build(t)
  const rebound = await app.inject({ url: '/__admin/requests', headers: { host: 'attacker.example:8080' } })
  t.equal(rebound.statusCode, 403)
  t.equal(rebound.json().error, 'host_not_allowed')
  for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'sandbox.test', 'app.localhost']) {
    t.equal((await app.inject({ url: '/__admin/sessions', headers: { host } })).statusCode, 200, host)
  }
  t.equal((await app.inject({ url: '/__admin/health', headers: { host: 'attacker.example' } })).statusCode, 200, 'health stays open')
  const page = await app.inject({ url: '/', headers: { host: 'attacker.example' } })
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, /Kari|Nordmann|24868510168/, 'the dashboard shows no data to a foreign Host')

  const proxied = await build(t, { ALLOWED_HOSTS: 'sandbox.team.internal' })
  t.equal((await proxied.inject({ url: '/__admin/sessions', headers: { host: 'sandbox.team.internal' } })).statusCode, 200, 'ALLOWED_HOSTS adds names')
  const any = await build(t, { ALLOWED_HOSTS: '*' })
  t.equal((await any.inject({ url: '/__admin/sessions', headers: { host: 'whatever.example' } })).statusCode, 200, 'ALLOWED_HOSTS=* turns the check off')
})
