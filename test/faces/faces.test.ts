/**
 * The faces table on its own: every wire shape renders Fastify's client errors (415, 413, 400)
 * and a not-found in its own shape, without the routes, so a change of one face's shape shows
 * here as a change of one row.
 */
import t, { type Test } from 'tap'
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify'
import { catalogueEntry, type ErrorCode } from '../../server/domain/error-catalogue.js'
import { RENDERERS, rendererFor, type WireShape } from '../../server/faces/index.js'

/** A bare app whose one route answers `status` as `shape` would: a thrown framework error, or a not-found. */
async function app (shape: WireShape, status: number, via: 'render' | 'fromFramework'): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  app.decorate('sandbox', { config: { EXTRA_FIELD: false } } as never)
  app.decorateRequest('eventId', '')
  app.get('/*', async (request, reply) => {
    const renderer = RENDERERS[shape]
    if (status === 404) return renderer.notFound(request, reply)
    const err = Object.assign(new Error(`framework says ${status}`), { statusCode: status })
    return via === 'render' ? renderer.render(request, reply, err) : renderer.fromFramework(request, reply, { status, message: err.message })
  })
  await app.ready()
  return app
}

type Check = (t: Test, res: LightMyRequestResponse, status: number) => void

function catalogueCheck (codes: Record<number, ErrorCode>, read: (res: LightMyRequestResponse) => unknown): Check {
  return (t, res, status) => {
    const code = codes[status] ?? codes[400] as ErrorCode
    t.equal(read(res), code, `code for ${status}`)
    t.equal(res.headers['nhn-error-code'], code)
    t.equal(res.headers['x-kj-feilkode'], code)
    t.equal(res.statusCode, status === 413 ? 413 : catalogueEntry(code).httpStatus, `HTTP status for ${status}`)
  }
}

const feilkode = (res: LightMyRequestResponse): unknown => res.json().feilkode
const outcomeCode = (res: LightMyRequestResponse): unknown => {
  const body = res.json()
  return body.resourceType === 'OperationOutcome' ? res.headers['nhn-error-code'] : `not an OperationOutcome: ${res.body}`
}
const pageCode = (res: LightMyRequestResponse): unknown =>
  /^text\/html/.test(String(res.headers['content-type'])) && res.body.includes('<html') ? res.headers['nhn-error-code'] : `not an HTML page: ${res.body.slice(0, 80)}`

const CASES: Array<{ shape: WireShape, url: string, check: Check }> = [
  {
    shape: 'helseid',
    url: '/connect/token',
    check: (t, res, status) => {
      t.equal(res.statusCode, status)
      t.match(res.json(), { error: 'invalid_request', error_description: String })
      t.equal(res.headers['cache-control'], 'no-store')
    }
  },
  { shape: 'rest', url: '/v1/ping', check: catalogueCheck({ 415: 'KJF-000350', 404: 'KJF-000229', 400: 'KJF-000206' }, feilkode) },
  { shape: 'fhir-legacy', url: '/v1/fhir/Condition', check: catalogueCheck({ 400: 'KJF-000260' }, outcomeCode) },
  { shape: 'critical-information', url: '/api/critical-information/v1/Condition', check: catalogueCheck({ 400: 'KI-0007' }, outcomeCode) },
  { shape: 'portal', url: '/hpp-webapp/hentpasient.html', check: catalogueCheck({ 415: 'KJF-000350', 404: 'KJF-000229', 400: 'KJF-000260' }, pageCode) },
  { shape: 'portal', url: '/api/session/create', check: catalogueCheck({ 415: 'KJF-000350', 404: 'KJF-000229', 400: 'KJF-000260' }, feilkode) },
  {
    shape: 'admin',
    url: '/__admin/sessions',
    check: (t, res, status) => {
      t.equal(res.statusCode, status)
      t.same(Object.keys(res.json()).sort(), ['error', 'message'])
      t.equal(res.json().error, status === 404 ? 'not_found' : 'invalid_request')
    }
  },
  {
    shape: 'test-token',
    url: '/v2/create-test-token-with-key',
    check: (t, res, status) => {
      t.equal(res.statusCode, status)
      t.match(res.json(), { isError: true, successResponse: null, errorResponse: { errorMessage: String } })
    }
  }
]

for (const { shape, url, check } of CASES) {
  t.test(`${shape} (${url}): framework 415, 413, 400 and a not-found in its own shape`, async (t) => {
    for (const status of [415, 413, 400, 404]) {
      const a = await app(shape, status, 'render')
      check(t, await a.inject({ method: 'GET', url }), status)
      await a.close()
    }
    const broken = await app(shape, 400, 'fromFramework')
    check(t, await broken.inject({ method: 'GET', url }), 400)
    await broken.close()
  })
}

t.test('every shape answers our own bug as a 5xx without detail', async (t) => {
  for (const [shape, renderer] of Object.entries(RENDERERS)) {
    const a = Fastify({ logger: false })
    a.decorate('sandbox', { config: { EXTRA_FIELD: false } } as never)
    a.decorateRequest('eventId', '')
    a.get('/*', async (request, reply) => renderer.render(request, reply, new TypeError('secret detail')))
    const res = await a.inject({ method: 'GET', url: shape === 'portal' ? '/api/session/x' : '/x' })
    t.ok(res.statusCode >= 500, `${shape}: ${res.statusCode}`)
    t.notMatch(res.body, /secret detail/, `${shape}: no detail`)
    await a.close()
  }
})

t.test('the face of the URL picks the renderer; the test-token shape is never picked by URL', async (t) => {
  t.equal(rendererFor('/connect/token'), RENDERERS.helseid)
  t.equal(rendererFor('/v2/create-test-token-with-key'), RENDERERS.helseid)
  t.equal(rendererFor('/s/p1/v1/helseindikator?x=1'), RENDERERS.rest)
  t.equal(rendererFor('/v1/fhir/metadata'), RENDERERS['fhir-legacy'])
  t.equal(rendererFor('/api/critical-information/v1/metadata'), RENDERERS['critical-information'])
  t.equal(rendererFor('/hpp-webapp/hentpasient.html'), RENDERERS.portal)
  t.equal(rendererFor('/api/session/create'), RENDERERS.portal)
  t.equal(rendererFor('/__admin/sessions'), RENDERERS.admin)
  t.equal(rendererFor('/docs'), RENDERERS.admin, 'paths no face owns answer as the sandbox\'s own API')
})
