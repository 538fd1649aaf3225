/**
 * Random requests over every route: random methods, paths (with and without a session prefix),
 * headers, tokens, tickets and bodies. Whatever comes in, the sandbox answers in the face's
 * documented shape, never 5xx, and a rejected request changes nothing stored.
 */
import t from 'tap'
import fc from 'fast-check'
import { build } from '../helper.js'
import { testToken } from '../support/kj.js'
import { ticketFor } from '../support/critical-info.js'
import { checkProperty, hostileBody, hostileHeaders, mangledJwt, mangledTicket, METHODS, routeTemplates, runs, serverErrorProblem, sessionPrefix, changeOf, shapeProblem, snapshot, concretePath } from '../support/hostile.js'

t.test('random requests over every route', async (t) => {
  const app = await build(t)
  await app.inject({ method: 'GET', url: '/s/p1/__admin/health' })
  const routes = routeTemplates(app)
  t.ok(routes.length > 40, `${routes.length} routes from the app`)
  const tokens = [await testToken(app, {}), await testToken(app, { userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' } })]
  const tickets = [await ticketFor(app, '17815810112')]
  const request = fc.record({
    route: fc.constantFrom(...routes),
    prefix: sessionPrefix,
    method: fc.option(fc.constantFrom(...METHODS), { nil: undefined }),
    headers: hostileHeaders(mangledJwt(tokens), mangledTicket(tickets), mangledJwt(tokens)),
    body: fc.option(hostileBody, { nil: undefined })
  }).chain((r) => concretePath(r.route.path).map((path) => ({ ...r, url: r.prefix + path, method: r.method ?? fc.sample(fc.constantFrom(...r.route.methods), 1)[0] as string })))

  const tried = await checkProperty(t, 'routes', fc.asyncProperty(request, async (r) => {
    // Sessions are made on first use, by design: p1 (which a random DELETE may have removed) is
    // made before the request, so only what the request itself stores is compared.
    app.sandbox.sessions.get('p1')
    const before = snapshot(app)
    const res = await app.inject({ method: r.method as 'GET', url: r.url, headers: r.headers, ...(r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' && { payload: r.body }) })
    const crash = serverErrorProblem(res)
    if (crash !== undefined) throw new Error(`${r.method} ${r.url} ${crash}: ${res.body.slice(0, 300)}`)
    const problem = shapeProblem(r.method, r.url, res)
    if (problem !== undefined) throw new Error(`${r.method} ${r.url} ${res.statusCode}: ${problem}: ${res.body.slice(0, 300)}`)
    if (res.statusCode >= 400 && snapshot(app) !== before) throw new Error(`${r.method} ${r.url} was rejected (${res.statusCode}) but changed what is stored: ${changeOf(before, snapshot(app))}`)
  }), runs(300))
  t.pass(`${tried} random requests answered in shape`)
})
