/**
 * ADMIN_TOKEN covers every admin route, found from the OpenAPI document rather than listed by
 * hand (so a route added later is covered by this test too): without the token or with a wrong
 * one each answers 401 before doing anything, with it none does; only /__admin/health is open.
 */
import t from 'tap'
import { build } from '../../helper.js'

const TOKEN = 'admin-token-for-tests'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

t.test('every /__admin route needs ADMIN_TOKEN, also through a session prefix', async (t) => {
  const app = await build(t, { ADMIN_TOKEN: TOKEN })
  const doc = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> }
  const routes = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/__admin'))
    .flatMap(([path, ops]) => Object.keys(ops).filter((m) => ['get', 'post', 'put', 'delete'].includes(m)).map((m) => ({ method: m.toUpperCase() as Method, path })))
  t.ok(routes.length >= 30, `${routes.length} admin routes found`)
  for (const route of ['/__admin/persistence', '/__admin/clients', '/__admin/patients', '/__admin/sessions/{id}/reset']) {
    t.ok(routes.some((r) => r.path === route), `${route} is among them`)
  }
  const sessionsBefore = app.sandbox.sessions.list().length
  for (const { method, path } of routes) {
    const url = path.replace(/\{[^}]+\}/g, 'guard-test')
    for (const prefix of ['', '/s/guard-session']) {
      for (const authorization of [undefined, 'Bearer wrong-token-123', `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`]) {
        const res = await app.inject({ method, url: `${prefix}${url}`, headers: authorization === undefined ? {} : { authorization }, payload: method === 'GET' || method === 'DELETE' ? undefined : {} })
        if (url === '/__admin/health') t.equal(res.statusCode, 200, `${method} ${prefix}${url} stays open`)
        else if (res.statusCode !== 401 || res.json().error !== 'unauthorized') t.fail(`${method} ${prefix}${url} with ${authorization ?? 'no token'} answered ${res.statusCode}`)
      }
    }
    // The live journal is a stream that stays open: test/routes/admin/journal-stream.test.ts lets it through on a real socket.
    if (url === '/__admin/requests/stream') continue
    const allowed = await app.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` }, payload: method === 'GET' || method === 'DELETE' ? undefined : {} })
    t.not(allowed.statusCode, 401, `${method} ${url} with the token is let through (${allowed.statusCode})`)
  }
  t.pass(`${routes.length * 6} unauthenticated calls refused`)
  t.equal(app.sandbox.clients.get('guard-test'), undefined, 'no refused call changed anything')
  t.ok(app.sandbox.sessions.list().length <= sessionsBefore + 2, 'refused calls make at most the session their prefix names')
})
