/** The organisation register at run time, and what Kjernejournal makes of it (226 / 227 / 331). */
import t from 'tap'
import { build } from '../../helper.js'
import { helseindikator, ping, testToken } from '../../support/kj.js'

const PARENT = '310009008'
const CHILD = '310009016'
const OTHER = '310009024'

/** A system token naming exactly these organisations (no default orgnr_child). */
const orgToken = (app: Parameters<typeof testToken>[0], orgnrParent: string, orgnrChild?: string) =>
  testToken(app, {
    withoutDefaultUserClaims: true,
    clientClaimsParametersGeneration: 'GenerateOnlyFromNonEmptyParameterValues',
    clientClaimsParameters: { scope: ['nhn:kjernejournal/api'], clientId: 'eget-ehr', orgnrParent, orgnrChild: orgnrChild ?? '' }
  })

t.test('POST, GET, PUT and DELETE, with the admin shape for bad input', async (t) => {
  const app = await build(t)
  const list = await app.inject('/__admin/organisations')
  t.equal(list.statusCode, 200)
  t.equal(list.json().total, app.sandbox.world.organisations.size)

  const added = await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: PARENT, name: 'Eget AS' } })
  t.equal(added.statusCode, 201, added.body)
  t.equal(added.headers.location, `/__admin/organisations/${PARENT}`)
  t.same(added.json(), { orgnr: PARENT, name: 'Eget AS', access: true, active: true, note: '' }, 'defaults as in the fixtures')
  const child = await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: CHILD, name: 'Eget AS, klinikken', parent: PARENT } })
  t.equal(child.statusCode, 201, child.body)
  t.match((await app.inject(`/__admin/organisations/${CHILD}`)).json(), { orgnr: CHILD, parent: PARENT })

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['bad checksum', { orgnr: '310009009', name: 'X' }, 'orgnr'],
    ['duplicate', { orgnr: PARENT, name: 'X' }, 'orgnr'],
    ['unknown parent', { orgnr: OTHER, name: 'X', parent: '310009032' }, 'parent'],
    ['own parent', { orgnr: OTHER, name: 'X', parent: OTHER }, 'parent'],
    ['no name', { orgnr: OTHER }, 'name'],
    ['unknown field', { orgnr: OTHER, name: 'X', colour: 'red' }, '']
  ]
  for (const [name, payload, field] of bad) {
    const res = await app.inject({ method: 'POST', url: '/__admin/organisations', payload })
    t.equal(res.statusCode, 400, name)
    t.equal(res.json().error, 'invalid_request', name)
    t.match(res.json().message, new RegExp(`${field}`), `${name} names ${field}`)
  }

  const changed = await app.inject({ method: 'PUT', url: `/__admin/organisations/${PARENT}`, payload: { active: false } })
  t.equal(changed.statusCode, 200, changed.body)
  t.same(changed.json(), { orgnr: PARENT, name: 'Eget AS', access: true, active: false, note: '' }, 'PUT keeps the fields it is not given')
  const renumbered = await app.inject({ method: 'PUT', url: `/__admin/organisations/${PARENT}`, payload: { orgnr: OTHER } })
  t.equal(renumbered.statusCode, 400)
  t.match(renumbered.json().message, /^orgnr/)

  t.equal((await app.inject({ method: 'DELETE', url: `/__admin/organisations/${PARENT}` })).statusCode, 409, 'a parent with units is not deleted')
  t.equal((await app.inject({ method: 'DELETE', url: `/__admin/organisations/${CHILD}` })).statusCode, 204)
  t.equal((await app.inject({ method: 'DELETE', url: `/__admin/organisations/${PARENT}` })).statusCode, 204)
  for (const [method, url] of [['GET', `/__admin/organisations/${PARENT}`], ['PUT', `/__admin/organisations/${PARENT}`], ['DELETE', `/__admin/organisations/${PARENT}`]] as const) {
    const res = await app.inject({ method, url, ...(method === 'PUT' && { payload: { active: true } }) })
    t.equal(res.statusCode, 404, `${method} of an unknown organisation`)
    t.match(res.json(), { error: 'not_found', message: /POST \/__admin\/organisations/ })
  }
})

t.test('the admin token guards the register like every admin route', async (t) => {
  const app = await build(t, { ADMIN_TOKEN: 'admin-secret-1' })
  t.equal((await app.inject('/__admin/organisations')).statusCode, 401)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: PARENT, name: 'X' } })).statusCode, 401)
  t.equal((await app.inject({ url: '/__admin/organisations', headers: { authorization: 'Bearer admin-secret-1' } })).statusCode, 200)
})

t.test('Kjernejournal authorises orgnr_child when the token has one, else orgnr_parent; the register decides 226 / 227 / 331', async (t) => {
  const app = await build(t)
  const unknown = await ping(app, { token: await orgToken(app, PARENT) })
  t.equal(unknown.headers['nhn-error-code'], 'KJF-000226')
  t.equal(unknown.headers['x-sandbox-hint'], `organisation ${PARENT} is unknown to this sandbox; register it: POST /__admin/organisations {"orgnr":"${PARENT}","name":"..."}`)
  t.match(unknown.json(), { status: 403, feilkode: 'KJF-000226' }, 'the answer stays the real service\'s')
  const journal = (await app.inject('/__admin/requests?path=/v1/ping')).json().requests[0]
  t.match(journal, { code: 'KJF-000226', sandboxHint: /POST \/__admin\/organisations/ }, 'the journal entry carries the hint')

  await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: PARENT, name: 'Eget AS' } })
  const parentOnly = await orgToken(app, PARENT)
  t.equal((await ping(app, { token: parentOnly })).statusCode, 200, 'no orgnr_child: the parent is authorised')
  const childUnknown = await ping(app, { token: await orgToken(app, PARENT, CHILD) })
  t.equal(childUnknown.headers['nhn-error-code'], 'KJF-000226', 'a child the register lacks is not made good by a known parent')
  t.match(childUnknown.headers['x-sandbox-hint'], CHILD)

  await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: CHILD, name: 'Klinikken', parent: PARENT } })
  const both = await orgToken(app, PARENT, CHILD)
  t.equal((await helseindikator(app, { fnr: '24868510168' }, { token: both })).statusCode, 200)
  await app.inject({ method: 'PUT', url: `/__admin/organisations/${PARENT}`, payload: { active: false } })
  t.equal((await ping(app, { token: both })).statusCode, 200, 'only the authorised unit counts: the child is still active')
  t.equal((await ping(app, { token: parentOnly })).headers['nhn-error-code'], 'KJF-000331')

  await app.inject({ method: 'PUT', url: `/__admin/organisations/${CHILD}`, payload: { active: false } })
  t.equal((await ping(app, { token: both })).headers['nhn-error-code'], 'KJF-000331')
  await app.inject({ method: 'PUT', url: `/__admin/organisations/${CHILD}`, payload: { active: true, access: false } })
  const noAgreement = await ping(app, { token: both })
  t.equal(noAgreement.headers['nhn-error-code'], 'KJF-000227')
  t.equal(noAgreement.headers['x-sandbox-hint'], undefined, 'no hint where the organisation is known')
  await app.inject({ method: 'DELETE', url: `/__admin/organisations/${CHILD}` })
  t.equal((await ping(app, { token: both })).headers['nhn-error-code'], 'KJF-000226')
})

t.test('a registered client brings its organisations, unless it opts out', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'eget-ehr', client_name: 'Eget EHR', client_secret: 'long-enough', orgnr_parent: PARENT, orgnr_child: CHILD } })
  t.equal(res.statusCode, 201, res.body)
  t.match(res.json().organisationsAdded, [
    { orgnr: PARENT, access: true, active: true },
    { orgnr: CHILD, parent: PARENT, access: true, active: true }
  ])
  t.ok(app.sandbox.world.organisations.has(CHILD))
  t.equal((await app.inject('/__admin/clients/eget-ehr')).json().registerOrganisations, undefined, 'the directive is not kept with the client')

  const again = await app.inject({ method: 'PUT', url: '/__admin/clients/eget-ehr', payload: { client_secret: 'long-enough', orgnr_parent: PARENT, orgnr_child: CHILD } })
  t.same(again.json().organisationsAdded, [], 'known organisations are not added twice')

  const known = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'kjent', client_secret: 'long-enough', orgnr_parent: '310001147' } })
  t.same(known.json().organisationsAdded, [])

  const optOut = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'ukjent', client_secret: 'long-enough', orgnr_parent: OTHER, registerOrganisations: false } })
  t.equal(optOut.statusCode, 201, optOut.body)
  t.same(optOut.json().organisationsAdded, [])
  t.notOk(app.sandbox.world.organisations.has(OTHER))
  const badDirective = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'x', client_secret: 'long-enough', orgnr_parent: OTHER, registerOrganisations: 'no' } })
  t.equal(badDirective.statusCode, 400)
  t.match(badDirective.json().message, /^registerOrganisations/)
})
