/** The error catalogue under /__admin (routes/admin/errors.ts). */
import t from 'tap'
import { build } from '../../helper.js'

t.test('GET /__admin/errors searches the catalogue; GET /__admin/errors/:code shows one', async (t) => {
  const app = await build(t)
  const all = (await app.inject('/__admin/errors')).json()
  t.ok(all.total > 100)
  t.equal(all.errors.length, all.total)
  const ki = (await app.inject('/__admin/errors?code=ki-')).json()
  t.ok(ki.total >= 19)
  t.ok(ki.errors.every((e: { code: string }) => e.code.startsWith('KI-')))
  const ticket = (await app.inject('/__admin/errors?q=ticket%20expired&face=fhir-legacy')).json()
  t.same(ticket.errors.map((e: { code: string }) => e.code), ['KJF-000015'])
  const portal = (await app.inject('/__admin/errors?face=portal')).json().errors as Array<{ kind: string }>
  t.equal(portal.filter((e) => e.kind === 'AUT').length, 10, 'every AUT code, and the API codes the Innlogging API shares')
  t.ok(portal.every((e) => e.kind === 'AUT' || e.kind === 'KJF' || e.kind === 'KJS'))
  t.equal((await app.inject('/__admin/errors?face=mobile')).statusCode, 400)
  t.match((await app.inject('/__admin/errors/KJF-000197')).json(), { code: 'KJF-000197', httpStatus: 403, faces: ['rest', 'critical-information', 'portal'] })
  t.equal((await app.inject('/__admin/errors/kjf-000197')).statusCode, 200, 'any case')
  const missing = await app.inject('/__admin/errors/KJF-999999')
  t.equal(missing.statusCode, 404)
  t.match(missing.json(), { error: 'not_found' })
})
