/**
 * Issue 18's hostile peers, as properties: random Origin, Referer and Host headers on every
 * state-changing admin route, absurd clock moves, JSON nested around and far past the 64-level
 * limit on every face, and two Host headers on any route. Whatever comes in, a refused request
 * changes nothing stored (the snapshot invariant of the other property tests).
 */
import t from 'tap'
import fc from 'fast-check'
import { hostAllowed } from '../../server/routes/shared/host-allowed.js'
import { MAX_CLOCK_OFFSET_MS } from '../../server/domain/clock.js'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { build, ISSUER } from '../helper.js'
import { EPJ_SYSTEM, systemToken } from '../support/kj.js'
import { ciHeaders, ciToken, kjUserToken, ticketFor } from '../support/critical-info.js'
import {
  absurdNumber, changeOf, checkProperty, concretePath, deepNesting, hostileBody, hostileHost, hostileOrigin, METHODS, nestedJson, routeTemplates,
  runs, serverErrorProblem, shapeProblem, snapshot
} from '../support/hostile.js'

const PATIENT = '17815810112'
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The origin the admin guard reads: Origin, else Referer's; undefined with neither. */
function claimed (origin: string | undefined, referer: string | undefined): string | undefined {
  if (origin !== undefined && origin !== '') return origin
  if (referer === undefined || referer === '') return undefined
  try { return new URL(referer).origin } catch { return 'null' }
}

t.test('random Origin, Referer and Host on state-changing admin routes: refused means unchanged', async (t) => {
  const app = await build(t)
  const routes = routeTemplates(app).filter((r) => r.path.startsWith('/__admin') && r.path !== '/__admin/health' && r.methods.some((m) => CHANGES.has(m)))
  t.ok(routes.length > 10, `${routes.length} state-changing admin routes`)
  const request = fc.record({
    route: fc.constantFrom(...routes),
    origin: fc.option(hostileOrigin, { nil: undefined }),
    referer: fc.option(hostileOrigin, { nil: undefined }),
    // inject() sends `localhost:80` for an empty Host, so blank ones are left to the e2e tests.
    host: fc.option(hostileHost.filter((h) => h.trim() !== ''), { nil: undefined }),
    body: fc.option(fc.oneof(hostileBody, fc.constantFrom('{}', '{"id":"p9"}', '{"seconds":1}', '{"now":"2030-01-01T00:00:00Z"}')), { nil: undefined })
  }).chain((r) => fc.tuple(concretePath(r.route.path), fc.constantFrom(...r.route.methods.filter((m) => CHANGES.has(m))))
    .map(([path, method]) => ({ ...r, url: path, method })))

  const tried = await checkProperty(t, 'origins', fc.asyncProperty(request, async (r) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (r.origin !== undefined) headers.origin = r.origin
    if (r.referer !== undefined) headers.referer = r.referer
    if (r.host !== undefined) headers.host = r.host
    const before = snapshot(app)
    const res = await app.inject({ method: r.method as 'POST', url: r.url, headers, ...(r.body !== undefined && { payload: r.body }) })
    const crash = serverErrorProblem(res)
    if (crash !== undefined) throw new Error(`${r.method} ${r.url} ${crash}: ${res.body.slice(0, 300)}`)
    // light-my-request sends `localhost:80` when no Host is given.
    const host = r.host ?? 'localhost:80'
    const origin = claimed(r.origin, r.referer)
    const own = [new URL(ISSUER).origin, `http://${host}`]
    // A foreign Host or origin never succeeds: mostly 403 from the guard, or whatever refused the
    // request first (a path no route takes is a 404, an empty JSON body on it a 400).
    const why = !hostAllowed(app.sandbox.config, host) ? `Host '${host}'` : origin !== undefined && !own.includes(origin) ? `origin '${origin}'` : undefined
    if (why !== undefined && res.statusCode < 400) throw new Error(`${why}: ${r.method} ${r.url} answered ${res.statusCode}`)
    if (why !== undefined && res.statusCode === 403) {
      const error = (res.json() as { error?: string }).error
      if (error !== 'host_not_allowed' && error !== 'cross_site_request') throw new Error(`${why}: 403 ${error ?? ''}`)
    }
    if (res.statusCode >= 400 && snapshot(app) !== before) throw new Error(`${r.method} ${r.url} was refused (${res.statusCode}) but changed what is stored: ${changeOf(before, snapshot(app))}`)
  }), runs(300))
  t.pass(`${tried} requests with hostile origins and hosts`)
})

t.test('absurd clock moves: a 400 and the clock unchanged; an accepted move stays within 1000 years', async (t) => {
  const app = await build(t)
  const move = fc.oneof(
    fc.record({ seconds: absurdNumber, minutes: absurdNumber, hours: absurdNumber }, { requiredKeys: [] })
      .map((payload) => ({ method: 'POST' as const, url: '/s/clock/__admin/clock/advance', payload: JSON.stringify(payload) })),
    fc.oneof(
      fc.integer({ min: -271821, max: 275760 }).map((y) => `${y < 0 ? '-' : '+'}${String(Math.abs(y)).padStart(6, '0')}-01-01T00:00:00Z`),
      fc.constantFrom('+275761-01-01T00:00:00Z', '-271822-01-01T00:00:00Z', '3026-12-01T00:00:00Z', '1026-12-01T00:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-13-01T00:00:00Z')
    ).map((now) => ({ method: 'PUT' as const, url: '/s/clock/__admin/clock', payload: JSON.stringify({ now }) })),
    absurdNumber.map((n) => ({ method: 'POST' as const, url: '/s/clock/__admin/clock/advance', payload: `{"hours":${String(n)}}` }))
  )
  const offset = async (): Promise<number> => (await app.inject({ url: '/s/clock/__admin/clock' })).json().offsetMs as number
  const tried = await checkProperty(t, 'clock', fc.asyncProperty(move, async (m) => {
    const before = await offset()
    const res = await app.inject({ method: m.method, url: m.url, headers: { 'content-type': 'application/json' }, payload: m.payload })
    const after = await offset()
    if (res.statusCode === 400) {
      if (after !== before) throw new Error(`${m.payload} was refused but moved the clock from ${before} to ${after}`)
    } else if (res.statusCode === 200) {
      if (!(Math.abs(after) <= MAX_CLOCK_OFFSET_MS)) throw new Error(`${m.payload} was accepted and left the clock ${after} ms from wall time`)
    } else {
      throw new Error(`${m.payload} answered ${res.statusCode}: ${res.body.slice(0, 200)}`)
    }
    // Back near wall time now and then, so moves are tried from both sides of the edge.
    if (Math.abs(after) > MAX_CLOCK_OFFSET_MS / 2) await app.inject({ method: 'DELETE', url: '/s/clock/__admin/clock' })
  }), runs(200))
  t.equal((await app.inject({ url: '/s/clock/' })).statusCode, 200, 'the dashboard still answers')
  t.pass(`${tried} clock moves`)
})

t.test('JSON nested past 64 levels on every face: 4xx in the face\'s shape, nothing stored', async (t) => {
  const app = await build(t)
  const kj = { authorization: `Bearer ${await systemToken(app)}`, 'x-epj-system': EPJ_SYSTEM }
  const ci = { authorization: `Bearer ${await ciToken(app)}`, ...ciHeaders(PATIENT) }
  const legacy = { authorization: `Bearer ${await kjUserToken(app)}`, 'x-epj-system': EPJ_SYSTEM, 'x-kj-ticket': await ticketFor(app, PATIENT) }
  const condition = JSON.stringify(sampleResource('KjConditionCriticalMedicalCondition', PATIENT))
  const at = (document: string, field: string): (deep: string) => string => (deep) => `${document.slice(0, -1)},"${field}":${deep}}`
  const targets = [
    { url: '/v1/helseindikator', headers: kj, wrap: (deep: string) => `{"fnr":"${PATIENT}","samtykke":"HPMOTTATTSAMTYKKE","x":${deep}}` },
    { url: '/v1/helseindikator/status', headers: kj, wrap: (deep: string) => `{"fnr":${deep}}` },
    { url: '/api/critical-information/v1/Condition', headers: ci, wrap: at(condition, 'extension') },
    { url: '/v1/fhir/Condition', headers: legacy, wrap: at(condition, 'note') },
    { url: '/v2/create-test-token-with-key', headers: {}, wrap: (deep: string) => `{"audience":"nhn:kjernejournal","clientClaimsParameters":${deep}}` },
    { url: '/__admin/scenarios', headers: {}, wrap: (deep: string) => `{"name":"deep","rules":[{"when":{"path":"/x"},"then":{"body":${deep}}}]}` },
    { url: '/__admin/clients', headers: {}, wrap: (deep: string) => `{"client_id":"deep","client_secret":"s","orgnr_parent":"310001147","x":${deep}}` },
    { url: '/__admin/patients', headers: {}, wrap: (deep: string) => `{"nin":"24868510168","name":${deep}}` }
  ]
  const request = fc.record({ target: fc.constantFrom(...targets), nesting: deepNesting, contentType: fc.constantFrom('application/json', 'application/fhir+json; charset=UTF-8') })
  const tried = await checkProperty(t, 'nesting', fc.asyncProperty(request, async ({ target, nesting, contentType }) => {
    const before = snapshot(app)
    const res = await app.inject({ method: 'POST', url: target.url, headers: { ...target.headers, 'content-type': contentType }, payload: target.wrap(nestedJson(nesting.depth, nesting.shape)) })
    const crash = serverErrorProblem(res)
    if (crash !== undefined) throw new Error(`POST ${target.url} depth ${nesting.depth} ${crash}: ${res.body.slice(0, 300)}`)
    const problem = shapeProblem('POST', target.url, res)
    if (problem !== undefined) throw new Error(`POST ${target.url} depth ${nesting.depth} ${res.statusCode}: ${problem}: ${res.body.slice(0, 300)}`)
    if (nesting.depth > 64 && (res.statusCode < 400 || res.statusCode >= 500)) throw new Error(`POST ${target.url} depth ${nesting.depth} answered ${res.statusCode}`)
    if (res.statusCode >= 400 && snapshot(app) !== before) throw new Error(`POST ${target.url} depth ${nesting.depth} was refused but changed what is stored: ${changeOf(before, snapshot(app))}`)
  }), runs(150))
  t.pass(`${tried} deeply nested bodies refused in shape`)
})

t.test('two Host headers on any route: 400 (414 for a path too long), in the face\'s shape, nothing changed', async (t) => {
  const app = await build(t)
  const routes = routeTemplates(app)
  const request = fc.record({
    route: fc.constantFrom(...routes),
    hosts: fc.tuple(hostileHost, hostileHost).filter(([a, b]) => a !== '' && b !== ''),
    method: fc.option(fc.constantFrom(...METHODS), { nil: undefined })
  }).chain((r) => concretePath(r.route.path).map((path) => ({ ...r, url: path, method: r.method ?? r.route.methods[0] ?? 'GET' })))
  const tried = await checkProperty(t, 'hosts', fc.asyncProperty(request, async (r) => {
    const before = snapshot(app)
    const res = await app.inject({ method: r.method as 'GET', url: r.url, headers: { host: [...r.hosts] as unknown as string } })
    const crash = serverErrorProblem(res)
    if (crash !== undefined) throw new Error(`${r.method} ${r.url} ${crash}: ${res.body.slice(0, 300)}`)
    // A path too long is refused (414) before the headers are looked at: refused all the same.
    if (res.statusCode !== 400 && res.statusCode !== 414) throw new Error(`${res.statusCode} for ${r.method} ${r.url.slice(0, 100)} with Host ${JSON.stringify(r.hosts)}: ${res.body.slice(0, 200)}`)
    const problem = shapeProblem(r.method, r.url, res)
    if (problem !== undefined) throw new Error(`${res.statusCode} ${problem} for ${r.method} ${r.url.slice(0, 100)}: ${res.body.slice(0, 300)}`)
    if (snapshot(app) !== before) throw new Error(`${r.method} ${r.url} was refused but changed what is stored: ${changeOf(before, snapshot(app))}`)
  }), runs(150))
  t.pass(`${tried} requests with two Host headers refused`)
})
