import t from 'tap'
import { build } from '../helper.js'

t.test('Swagger UI loads on its first request and serves what the package serves', async (t) => {
  const app = await build(t)
  const page = await app.inject('/docs/')
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /text\/html/)
  const redirect = await app.inject('/docs')
  t.ok(redirect.statusCode === 200 || redirect.statusCode === 302, `/docs answers (${redirect.statusCode})`)
  const css = await app.inject('/docs/static/swagger-ui.css')
  t.equal(css.statusCode, 200, 'static assets')
  t.match(css.headers['content-type'], /text\/css/)
  t.ok(css.rawPayload.length > 1000, 'the whole stylesheet, as bytes')
  const json = await app.inject('/docs/json')
  t.equal(json.statusCode, 200)
  t.same(json.json(), (await app.inject('/openapi.json')).json(), 'the UI shows the sandbox\'s own document')
  const head = await app.inject({ method: 'HEAD', url: '/docs/' })
  t.equal(head.statusCode, 200, 'HEAD as for any GET route')
})

t.test('what the UI does not have is the sandbox\'s own not-found', async (t) => {
  const app = await build(t)
  const direct = await app.inject('/nothing-here')
  const missing = await app.inject('/docs/static/no-such-file.js')
  t.equal(missing.statusCode, 404)
  t.same(Object.keys(missing.json()).sort(), Object.keys(direct.json()).sort(), 'the same error shape as any unknown path')
  t.equal((await app.inject({ method: 'POST', url: '/docs/' })).statusCode, 404)
})

t.test('/openapi.json does not list the UI\'s routes', async (t) => {
  const app = await build(t)
  const doc = (await app.inject('/openapi.json')).json() as { paths: Record<string, unknown> }
  t.notOk(Object.keys(doc.paths).some((p) => p.startsWith('/docs')))
})
