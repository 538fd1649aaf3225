/**
 * DATA_DIR: clients, patients and critical information written through the APIs survive a
 * restart (a new app on the same folder); reset sessions leave it; unusable files are reported
 * and set aside, never fatal; leftovers of interrupted writes are removed; without DATA_DIR the
 * sandbox stores nothing.
 */
import t from 'tap'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { seedRecordId } from '../../server/domain/critical-info/seed.js'
import { build } from '../helper.js'
import { ci, ciToken, entryCount, kjUserToken, legacy, ticketFor } from '../support/critical-info.js'
import { syntheticNins } from '../support/nins.js'

const PLAIN = '24868510168'
const STATUS4 = '17815810112'
const [ADDED_NIN] = syntheticNins(1, 4) as [string]

const KEY = { kty: 'RSA', kid: 'acme-1', e: 'AQAB', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw' }

function dataDir (t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'kj-data-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  return dir
}

t.test('without DATA_DIR nothing is stored and the status says so', async (t) => {
  const app = await build(t)
  const status = (await app.inject('/__admin/persistence')).json()
  t.match(status, { enabled: false, location: null, writes: 0 })
})

t.test('clients, patients and critical information of every face and session survive a restart', async (t) => {
  const dir = dataDir(t)
  const env = { DATA_DIR: dir }
  let created: Record<string, { id: string, versionId: string, body: unknown }> = {}
  {
    const app = await build(t, env)
    t.equal((await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'acme-ehr', jwks: { keys: [KEY] }, orgnr_parent: '310001406' } })).statusCode, 201)
    t.equal((await app.inject({ method: 'PUT', url: '/__admin/clients/acme-secret', payload: { client_secret: 'acme-secret-123', orgnr_parent: '310001406' } })).statusCode, 201)
    t.equal((await app.inject({ method: 'DELETE', url: '/__admin/clients/sandbox-demo-ehr-secret' })).statusCode, 204, 'a fixture client deleted')
    t.equal((await app.inject({ method: 'POST', url: '/__admin/patients', payload: { nin: ADDED_NIN, givenName: 'Lagret', familyName: 'Pasient', criticalInfo: [{ kategori: 'OVER_REAK', sistEndret: '2026-01-02T03:04:05Z' }] } })).statusCode, 201)
    t.equal((await app.inject({ method: 'POST', url: '/__admin/organisations', payload: { orgnr: '310009008', name: 'Lagret AS' } })).statusCode, 201)
    t.equal((await app.inject({ method: 'PUT', url: '/__admin/organisations/310001813', payload: { access: true } })).statusCode, 200, 'a fixture organisation changed')
    t.equal((await app.inject({ method: 'DELETE', url: '/__admin/organisations/310001961' })).statusCode, 204, 'a fixture organisation deleted')

    const token = await ciToken(app)
    const api = await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN) })
    t.equal(api.statusCode, 201, api.body)
    const updated = await ci(app, 'PUT', `/AllergyIntolerance/${api.json().id as string}`, { token, nin: PLAIN, body: { ...(api.json() as object), note: [{ text: 'Endret før omstart.' }] } })
    t.equal(updated.statusCode, 200, updated.body)
    const named = await ci(app, 'POST', '/Condition', { token, nin: PLAIN, body: sampleResource('KjConditionInfection', PLAIN), headers: { 'x-sandbox-session': 'team-a' } })
    t.equal(named.statusCode, 201, named.body)
    const viaTicket = await legacy(app, 'POST', '/Flag', { token: await kjUserToken(app), ticket: await ticketFor(app, PLAIN), body: sampleResource('KjFlag', PLAIN) })
    t.equal(viaTicket.statusCode, 201, viaTicket.body)
    // A fixture record changed: its seeded id is the same after the restart, with the change.
    const seeded = seedRecordId(STATUS4, 0)
    const fixtureRecord = await ci(app, 'GET', `/AllergyIntolerance/${seeded}`, { token, nin: STATUS4 })
    t.equal(fixtureRecord.statusCode, 200, fixtureRecord.body)
    const deleted = await ci(app, 'DELETE', `/AllergyIntolerance/${seeded}`, { token, nin: STATUS4 })
    t.equal(deleted.statusCode, 204, deleted.body)
    created = {
      updated: { id: api.json().id, versionId: '2', body: updated.json() },
      named: { id: named.json().id, versionId: '1', body: named.json() },
      ticket: { id: viaTicket.json().id, versionId: '1', body: viaTicket.json() }
    }
    const status = (await app.inject('/__admin/persistence')).json()
    t.match(status, { enabled: true, location: dir, storedSessions: 2, failedWrites: 0, problems: [] })
    t.ok(status.writes >= 4, `${status.writes as number} writes`)
    await app.close()
  }

  const app = await build(t, env)
  const status = (await app.inject('/__admin/persistence')).json()
  t.match(status, { restored: { clients: 3, patients: 1, organisations: 3, sessions: 2 }, problems: [], interruptedWrites: 0 })
  t.equal((await app.inject('/__admin/clients/acme-ehr')).statusCode, 200, 'a registered client is back')
  t.equal((await app.inject('/__admin/clients/acme-secret')).json().token_endpoint_auth_method, 'client_secret_post')
  t.equal((await app.inject('/__admin/clients/sandbox-demo-ehr-secret')).statusCode, 404, 'a deleted fixture client stays deleted')
  t.equal((await app.inject('/__admin/clients/sandbox-demo-ehr')).statusCode, 200, 'fixture clients are still there')
  t.equal((await app.inject(`/__admin/patients/${ADDED_NIN}`)).json().familyName, 'Pasient', 'an added patient is back')
  t.equal((await app.inject('/__admin/organisations/310009008')).json().name, 'Lagret AS', 'an added organisation is back')
  t.equal((await app.inject('/__admin/organisations/310001813')).json().access, true, 'a changed fixture organisation keeps its change')
  t.equal((await app.inject('/__admin/organisations/310001961')).statusCode, 404, 'a deleted fixture organisation stays deleted')

  const token = await ciToken(app)
  const latest = await ci(app, 'GET', `/AllergyIntolerance/${created.updated!.id}`, { token, nin: PLAIN })
  t.same(latest.json(), created.updated!.body, 'the latest version, byte for byte')
  const history = await ci(app, 'GET', `/AllergyIntolerance/${created.updated!.id}/_history`, { token, nin: PLAIN })
  t.equal(history.json().total, 2, 'with its history')
  const named = await ci(app, 'GET', `/Condition/${created.named!.id}`, { token, nin: PLAIN, headers: { 'x-sandbox-session': 'team-a' } })
  t.same(named.json(), created.named!.body, 'a named session\'s record is back')
  const notInDefault = await ci(app, 'GET', `/Condition/${created.named!.id}`, { token, nin: PLAIN })
  t.equal(notInDefault.statusCode, 404, 'and only in its session')
  const ticketFace = await ci(app, 'GET', `/Flag/${created.ticket!.id}`, { token, nin: PLAIN })
  t.same(ticketFace.json(), created.ticket!.body, 'a record written on the ticket face is back')
  const gone = await ci(app, 'GET', `/AllergyIntolerance/${seedRecordId(STATUS4, 0)}`, { token, nin: STATUS4 })
  t.equal(gone.statusCode, 410, 'a deleted fixture record stays deleted')
  const addedPatient = await ci(app, 'GET', '/AllergyIntolerance', { token, nin: ADDED_NIN })
  t.equal(entryCount(addedPatient), 1, 'the added patient\'s critical information is seeded in the restored session')

  // A reset session is back to the fixtures, and so is its stored copy.
  t.equal((await app.inject({ method: 'POST', url: '/__admin/sessions/team-a/reset' })).statusCode, 200)
  t.notOk(existsSync(join(dir, 'sessions', 'team-a.json')), 'the reset session\'s file is gone')
  t.ok(existsSync(join(dir, 'sessions', 'default.json')))
  await app.close()
  const again = await build(t, env)
  t.equal((await ci(again, 'GET', `/Condition/${created.named!.id}`, { token: await ciToken(again), nin: PLAIN, headers: { 'x-sandbox-session': 'team-a' } })).statusCode, 404, 'the reset stays reset')
})

t.test('fixture records keep their ids across restarts without anything stored', async (t) => {
  const ids = []
  for (let i = 0; i < 2; i++) {
    const app = await build(t)
    const search = await ci(app, 'GET', '/AllergyIntolerance', { token: await ciToken(app), nin: STATUS4 })
    ids.push(search.json().entry.map((e: { resource: { id: string } }) => e.resource.id))
    await app.close()
  }
  t.ok(ids[0].length > 0)
  t.same(ids[0], ids[1])
})

t.test('unusable files are reported and set aside; the sandbox starts without them', async (t) => {
  const dir = dataDir(t)
  {
    const app = await build(t, { DATA_DIR: dir })
    await ci(app, 'POST', '/Condition', { token: await ciToken(app), nin: PLAIN, body: sampleResource('KjConditionInfection', PLAIN), headers: { 'x-sandbox-session': 'keep' } })
    await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: 'acme-ehr', jwks: { keys: [KEY] }, orgnr_parent: '310001406' } })
    await app.close()
  }
  const clients = readFileSync(join(dir, 'clients.json'), 'utf8')
  writeFileSync(join(dir, 'clients.json'), clients.slice(0, clients.length >> 1))
  writeFileSync(join(dir, 'sessions', 'broken.json'), JSON.stringify({ format: 'kjernejournal-sandbox/data@1', name: 'sessions/broken', savedAt: new Date().toISOString(), data: { id: 'broken', records: [{ id: 'x' }] } }))
  writeFileSync(join(dir, 'patients.json'), '')
  writeFileSync(join(dir, 'sessions', '.keep.json.123.4.tmp'), '{"half": ')

  const app = await build(t, { DATA_DIR: dir })
  const status = (await app.inject('/__admin/persistence')).json()
  t.equal(status.interruptedWrites, 1, 'the interrupted write\'s temporary file was removed')
  const problems = status.problems as Array<{ file: string, message: string, movedTo: string }>
  t.equal(problems.length, 3, JSON.stringify(problems))
  t.match(problems.find((p) => p.file === 'clients.json'), { message: /not JSON/, movedTo: /^clients\.json\.corrupt-/ })
  t.match(problems.find((p) => p.file === 'patients.json'), { message: 'empty file' })
  t.match(problems.find((p) => p.file === 'sessions/broken.json'), { message: /records\.0/, movedTo: /corrupt/ })
  for (const p of problems) t.ok(existsSync(join(dir, p.movedTo)), `${p.file} is kept as ${p.movedTo}`)
  t.notOk(readdirSync(join(dir, 'sessions')).some((f) => f.endsWith('.tmp')))
  t.equal((await app.inject('/__admin/clients/acme-ehr')).statusCode, 404, 'the broken clients file is left out')
  t.equal(status.restored.sessions, 1, 'the good session is restored')
  await app.close()
  const next = await build(t, { DATA_DIR: dir })
  t.same((await next.inject('/__admin/persistence')).json().problems, [], 'reported once: the next start is clean')
})

t.test('a DATA_DIR that cannot be written stops start-up naming the setting', async (t) => {
  const dir = dataDir(t)
  const file = join(dir, 'a-file')
  writeFileSync(file, 'x')
  await t.rejects(build(t, { DATA_DIR: file }), /Invalid setting DATA_DIR=.*cannot write there/)
})
