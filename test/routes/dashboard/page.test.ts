import t from 'tap'
import { readFileSync } from 'node:fs'
import { Script } from 'node:vm'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { createRecord } from '../../../server/domain/critical-info/service.js'
import { CATALOGUE } from '../../../server/domain/error-catalogue.js'
import { build } from '../../helper.js'

type App = Awaited<ReturnType<typeof build>>

const page = (app: App, url = '/', headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers })

/** The helseindikator state the page drew for a patient's row. */
function rowState (html: string, nin: string): string | undefined {
  const row = html.split('<tr').find((r) => r.includes(`<code>${nin}</code>`))
  return /data-state="(\d)"/.exec(row ?? '')?.[1]
}

t.test('the page: landmarks, sections, scenario switches, patients with icons, the whole catalogue', async (t) => {
  const app = await build(t)
  const res = await page(app)
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/html; charset=utf-8/)
  t.match(res.headers['content-security-policy'], /default-src 'none'; script-src 'self'/)
  t.equal(res.headers['cache-control'], 'no-store')
  const html = res.body
  t.match(html, /<html lang="en">/)
  for (const landmark of ['<header', '<nav aria-label="Dashboard sections">', '<main id="main"', '<footer']) t.ok(html.includes(landmark), landmark)
  for (const id of ['sessions', 'journal', 'scenarios', 'token', 'patients', 'catalogue']) t.match(html, new RegExp(`<section id="${id}" class="panel[^"]*" aria-labelledby="${id}-title">`), id)
  t.notMatch(html, /<script>|<style>| style="/, 'no inline script or style (the CSP forbids them)')
  t.notMatch(html, /https?:\/\/(?!localhost|sandbox\.test|127\.0\.0\.1)/, 'nothing from elsewhere')

  const names = app.scenarios.registry.list().map((s) => s.name)
  t.ok(names.length > 0)
  for (const name of names) t.match(html, new RegExp(`role="switch" aria-checked="false" class="switch" data-scenario="${name}"`), name)

  for (const state of [0, 1, 2, 3, 4]) t.match(html, new RegExp(`<svg class="kj-icon"[^>]*role="img" aria-label="Helseindikator ${state}: [^"]+"[^>]* data-state="${state}"[^>]*><title>`), `icon ${state} with a text alternative`)
  t.equal(rowState(html, '24868510168'), '2')
  t.equal(rowState(html, '12836210806'), '1', 'reserved')
  t.equal(rowState(html, '05899010169'), '3', 'own health information')
  t.equal(rowState(html, '17815810112'), '4', 'critical information')
  const inactive = [...app.sandbox.world.patients.values()].find((p) => p.status !== 'active')
  if (inactive !== undefined) t.equal(rowState(html, inactive.nin), '0', 'a patient helseindikator refuses gets the error icon')

  for (const entry of CATALOGUE) t.ok(html.includes(`id="code-${entry.code}"`), entry.code)
  t.match(html, new RegExp(`${CATALOGUE.length} of ${CATALOGUE.length} codes`))
  for (const label of ['token-user', 'token-org', 'token-audience', 'catalogue-search', 'new-session-id']) t.match(html, new RegExp(`<label for="${label}"`), `${label} is labelled`)
})

t.test('script and stylesheet are served by the sandbox; the script parses', async (t) => {
  const app = await build(t)
  const js = await page(app, '/__dashboard/dashboard.js')
  t.equal(js.statusCode, 200)
  t.match(js.headers['content-type'], /^text\/javascript/)
  t.doesNotThrow(() => new Script(js.body), 'valid JavaScript')
  t.equal(js.body, readFileSync(new URL('../../../server/views/dashboard/dashboard.client.js', import.meta.url), 'utf8'), 'dashboard.client.js, as written')
  const css = await page(app, '/__dashboard/dashboard.css')
  t.match(css.headers['content-type'], /^text\/css/)
  t.match(css.body, /:focus-visible/)
  t.notMatch(css.body, /@import|url\(http/, 'no external fonts or files')
})

t.test('per session: its scenarios, its patients\' icons; ?session= opens one; the page is not journaled', async (t) => {
  const app = await build(t)
  t.equal((await app.inject({ method: 'POST', url: '/s/qa-7/__admin/scenarios/token-lifetime-too-long/activate' })).statusCode, 200)
  // An everyday patient (status 2) gets critical information in this session only.
  const session = app.sandbox.sessions.get('qa-7')
  createRecord({ store: session.criticalInfo, nin: '24868510168', now: new Date().toISOString() }, sampleResource('KjAllergyIntolerance', '24868510168'))

  const qa = (await page(app, '/s/qa-7/')).body
  t.match(qa, /data-session="qa-7" data-base="\/s\/qa-7"/)
  t.match(qa, /aria-checked="true" class="switch" data-scenario="token-lifetime-too-long"/)
  t.match(qa, /<tr class="current" aria-current="true">\s*<th scope="row"[^>]*><a href="\/s\/qa-7\/">qa-7<\/a>/)
  t.equal(rowState(qa, '24868510168'), '4', 'critical information now')
  const plain = (await page(app, '/')).body
  t.match(plain, /aria-checked="false" class="switch" data-scenario="token-lifetime-too-long"/)
  t.equal(rowState(plain, '24868510168'), '2', 'the default session is untouched')

  const redirect = await page(app, '/?session=qa-8')
  t.equal(redirect.statusCode, 303)
  t.equal(redirect.headers.location, '/s/qa-8/')
  t.equal((await page(app, '/?session=no%20good')).statusCode, 200, 'a bad id is ignored')
  t.equal(app.sandbox.sessions.get('default').journal.size, 0, 'the dashboard is not in the journal')
  t.equal(session.journal.size, 0)
})

t.test('scenarios leave the dashboard alone; the catalogue filters without script; values are escaped', async (t) => {
  const app = await build(t)
  const everything = { name: 'everything-fails', description: 'every call fails', rules: [{ then: { error: 'KJS-000077' } }] }
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: everything })).statusCode, 201)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios/everything-fails/activate' })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/v1/ping' })).statusCode, 500, 'the scenario is on')
  t.equal((await page(app)).statusCode, 200, 'the dashboard still answers')
  t.equal((await page(app, '/__dashboard/dashboard.js')).statusCode, 200)

  const filtered = (await page(app, '/?q=ticket%20expired')).body
  const visible = filtered.split('<tr ').filter((r) => r.startsWith('id="code-'))
  const expected = CATALOGUE.filter((e) => /ticket/i.test(`${e.code} ${e.text}`) && /expired/i.test(`${e.code} ${e.text}`)).map((e) => e.code)
  t.ok(expected.length > 0)
  t.same(visible.map((r) => /id="code-([^"]+)"/.exec(r)?.[1]), expected)
  t.match(filtered, new RegExp(`${expected.length} of ${CATALOGUE.length} codes`))

  const sneaky = { nin: '12039040024', givenName: '<img src=x onerror=alert(1)>', familyName: 'Doe"s' }
  const added = await app.inject({ method: 'POST', url: '/__admin/patients', payload: sneaky })
  t.equal(added.statusCode, 201, added.body)
  const html = (await page(app)).body
  t.notOk(html.includes('<img src=x'), 'markup in data is not markup on the page')
  t.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; Doe&quot;s'))
})

t.test('with ADMIN_TOKEN the page shows data only to a request with the token', async (t) => {
  const app = await build(t, { ADMIN_TOKEN: 'page-secret' })
  const locked = await page(app)
  t.equal(locked.statusCode, 200)
  t.match(locked.body, /data-locked="true"/)
  t.match(locked.body, /<label for="admin-token">/)
  t.notMatch(locked.body, /Kristian|data-scenario=|<section id="patients"/, 'no data without the token')
  t.notMatch((await page(app, '/', { authorization: 'Bearer wrong' })).body, /Kristian/)
  const open = await page(app, '/', { authorization: 'Bearer page-secret' })
  t.match(open.body, /data-locked="false"/)
  t.match(open.body, /Kristian Kritisk/)
  t.equal(open.headers.vary, 'authorization')
  t.equal((await page(app, '/__dashboard/dashboard.js')).statusCode, 200, 'the script is no secret')
})

t.test('the API parts are in /openapi.json, the HTML is not', async (t) => {
  const app = await build(t)
  const paths = Object.keys((await app.inject({ method: 'GET', url: '/openapi.json' })).json().paths)
  t.ok(paths.includes('/__admin/tokens'))
  t.ok(paths.includes('/__admin/requests/stream'))
  t.notOk(paths.includes('/'))
  t.notOk(paths.some((p) => p.startsWith('/__dashboard')))
})
