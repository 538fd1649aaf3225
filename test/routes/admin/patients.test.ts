/** The synthetic patients under /__admin, and adding one for every session (routes/admin/patients.ts). */
import t from 'tap'
import { build } from '../../helper.js'
import { helseindikator } from '../../support/kj.js'

const STATUS4 = '17815810112'
const NEW_NIN = '01887840020'

t.test('GET and POST /__admin/patients: fixtures plus patients added for every session', async (t) => {
  const app = await build(t)
  const before = (await app.inject('/__admin/patients')).json()
  t.equal(before.total, app.sandbox.world.patients.size)
  t.ok(before.patients.some((p: { nin: string }) => p.nin === STATUS4))

  const added = await app.inject({ method: 'POST', url: '/__admin/patients', payload: { nin: NEW_NIN, givenName: 'Rita', familyName: 'Reservert', reserved: true } })
  t.equal(added.statusCode, 201, added.body)
  t.equal(added.headers.location, `/__admin/patients/${NEW_NIN}`)
  t.match(added.json(), { nin: NEW_NIN, reserved: true, status: 'active', criticalInfo: [] }, 'defaults filled in')
  t.equal((await app.inject('/__admin/patients')).json().total, before.total + 1)
  t.match((await app.inject(`/__admin/patients/${NEW_NIN}`)).json(), { givenName: 'Rita' })
  t.equal((await app.inject('/__admin/patients/24868510169')).statusCode, 404)

  const res = await helseindikator(app, { fnr: NEW_NIN })
  t.match(res.json(), { status: 1 }, 'helseindikator answers per the added patient: reserved')
  t.notOk('ticket' in res.json())

  const duplicate = await app.inject({ method: 'POST', url: '/__admin/patients', payload: { nin: NEW_NIN, givenName: 'Rita', familyName: 'Igjen' } })
  t.equal(duplicate.statusCode, 409)
  t.match(duplicate.json(), { error: 'conflict' })
})

t.test('an added patient with critical information answers status 4 in existing and new sessions', async (t) => {
  const app = await build(t)
  app.sandbox.sessions.get('early')
  const nin = '15897140001'
  const payload = { nin, givenName: 'Kari', familyName: 'Kritisk', criticalInfo: [{ kategori: 'OVER_REAK', sistEndret: '2026-01-02T03:04:05Z' }] }
  t.equal((await app.inject({ method: 'POST', url: '/__admin/patients', payload })).statusCode, 201)
  t.match((await helseindikator(app, { fnr: nin })).json(), { status: 4 }, 'the default session')
  for (const session of ['early', 'late']) {
    const res = await helseindikator(app, { fnr: nin }, { headers: { 'x-sandbox-session': session } })
    t.match(res.json(), { status: 4 }, `session ${session}`)
  }
})

t.test('a bad patient is a 400 naming the field', async (t) => {
  const app = await build(t)
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ nin: '12345678901', givenName: 'A', familyName: 'B' }, /nin/],
    [{ nin: NEW_NIN, familyName: 'B' }, /givenName/],
    [{ nin: NEW_NIN, givenName: 'A', familyName: 'B', status: 'asleep' }, /status/],
    [{ nin: NEW_NIN, givenName: 'A', familyName: 'B', colour: 'red' }, /colour/]
  ]
  for (const [payload, field] of cases) {
    const res = await app.inject({ method: 'POST', url: '/__admin/patients', payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.match(res.json(), { error: 'invalid_request', message: field, details: Array })
  }
  t.equal((await app.inject('/__admin/patients')).json().total, app.sandbox.world.patients.size, 'nothing was added')
})
