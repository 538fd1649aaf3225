/**
 * The world's verbs without Fastify: each changes the map, brings the sessions that exist up to
 * date and tells the keeper, or (restore, reload) deliberately does not.
 */
import t from 'tap'
import { seedRecordId } from '../../server/domain/critical-info/seed.js'
import type { FixtureFiles } from '../../server/domain/fixtures.js'
import { ClientRegistry, type ClientRegistration } from '../../server/domain/helseid/clients.js'
import { SessionRegistry } from '../../server/domain/sessions.js'
import { seedSession, WorldOperations, type WorldKeeper } from '../../server/domain/world-operations.js'
import type { Organisation } from '../../server/domain/world/organisations.js'
import { ordinaryPatient, type Patient } from '../../server/domain/world/patients.js'
import { createWorld } from '../../server/domain/world/world.js'

const WALL = 1_800_000_000_000
const FIXTURE = '24868510168'
const ADDED = '17815810112'
const ORG: Organisation = { orgnr: '310001147', name: 'Demo AS', access: true, active: true, note: '' }

function patient (nin: string, patch: Partial<Patient> = {}): Patient {
  return { ...ordinaryPatient(nin), criticalInfo: [{ kategori: 'OVER_REAK', sistEndret: '2026-03-14T09:12:00.000Z' }], ...patch }
}

function registration (clientId: string): ClientRegistration {
  return { client_id: clientId, client_secret: 'long-enough', orgnr_parent: '310001147' }
}

/** Records what the keeper was told; `fail` makes every write fail. */
function recordingKeeper (fail = false): WorldKeeper & { told: string[] } {
  const told: string[] = []
  const answer = async (what: string): Promise<void> => {
    told.push(what)
    if (fail) throw new Error('disk full')
  }
  return {
    told,
    patientAdded: (p) => answer(`patient ${p.nin}`),
    clientSaved: (r) => answer(`client ${r.client_id}`),
    clientDeleted: (id) => answer(`deleted ${id}`),
    organisationSaved: (o) => answer(`organisation ${o.orgnr}`),
    organisationDeleted: (orgnr) => answer(`organisation deleted ${orgnr}`)
  }
}

function fixtureFiles (patch: Partial<FixtureFiles> = {}): FixtureFiles {
  return { users: [], patients: [patient(FIXTURE)], organisations: [], clients: [registration('fixture-client')], ...patch }
}

function setup (files: FixtureFiles = fixtureFiles()) {
  const world = createWorld(files)
  const clients = new ClientRegistry()
  for (const r of files.clients) clients.put(r)
  const sessions = new SessionRegistry(10, (session) => { seedSession(world, session) }, () => WALL)
  const operations = new WorldOperations(world, clients, sessions, files)
  const keeper = recordingKeeper()
  operations.keepWith(keeper)
  return { world, clients, sessions, operations, keeper }
}

const hasRecordOf = (records: { latest(id: string): unknown }, nin: string): boolean => records.latest(seedRecordId(nin, 0)) !== undefined

t.test('a new session is seeded from the world', async (t) => {
  const { sessions } = setup()
  t.ok(hasRecordOf(sessions.default.criticalInfo, FIXTURE))
  t.ok(hasRecordOf(sessions.get('team-a').criticalInfo, FIXTURE))
})

t.test('addPatient: the map, every session that exists and every one made later, then the keeper', async (t) => {
  const { world, sessions, operations, keeper } = setup()
  const teamA = sessions.get('team-a')
  await operations.addPatient(patient(ADDED))
  t.equal(world.patients.get(ADDED)?.nin, ADDED)
  t.ok(hasRecordOf(sessions.default.criticalInfo, ADDED), 'the default session')
  t.ok(hasRecordOf(teamA.criticalInfo, ADDED), 'a session that existed')
  t.ok(hasRecordOf(sessions.get('team-b').criticalInfo, ADDED), 'a session made later')
  t.same(keeper.told, [`patient ${ADDED}`])
})

t.test('before any keeper is set (no DATA_DIR), the verbs change the world and keep nothing', async (t) => {
  const files = fixtureFiles()
  const world = createWorld(files)
  const clients = new ClientRegistry()
  const sessions = new SessionRegistry(10, (session) => { seedSession(world, session) }, () => WALL)
  const operations = new WorldOperations(world, clients, sessions, files)
  await operations.addPatient(patient(ADDED))
  await operations.addClient(registration('acme'))
  await operations.deleteClient('acme')
  await operations.addOrganisation(ORG)
  t.ok(world.patients.has(ADDED))
  t.notOk(clients.has('acme'))
  t.ok(world.organisations.has(ORG.orgnr))
})

t.test('a verb\'s promise is the keeper\'s: a failed write rejects, the change stays made', async (t) => {
  const { world, clients, operations } = setup()
  operations.keepWith(recordingKeeper(true))
  await t.rejects(operations.addPatient(patient(ADDED)), /disk full/)
  t.ok(world.patients.has(ADDED))
  await t.rejects(operations.addClient(registration('acme')), /disk full/)
  t.ok(clients.has('acme'))
})

t.test('addClient adds or replaces and answers with the client; deleteClient removes; both tell the keeper', async (t) => {
  const { clients, operations, keeper } = setup()
  const client = await operations.addClient(registration('acme'))
  t.match(client, { client_id: 'acme', authMethod: 'client_secret' })
  t.equal(clients.get('acme'), client)
  await operations.addClient({ ...registration('acme'), client_name: 'ACME' })
  t.equal(clients.get('acme')?.client_name, 'ACME', 'replaced')
  await operations.deleteClient('acme')
  t.notOk(clients.has('acme'))
  t.same(keeper.told, ['client acme', 'client acme', 'deleted acme'])
})

t.test('addOrganisation and deleteOrganisation: the map and the keeper', async (t) => {
  const { world, operations, keeper } = setup()
  await operations.addOrganisation(ORG)
  t.equal(world.organisations.get('310001147'), ORG)
  await operations.deleteOrganisation('310001147')
  t.notOk(world.organisations.has('310001147'))
  t.same(keeper.told, ['organisation 310001147', 'organisation deleted 310001147'])
})

t.test('organisations changed at run time survive a fixture reload, and restore lays them over the files', async (t) => {
  const files = fixtureFiles({ organisations: [ORG, { ...ORG, orgnr: '310001295', name: 'Fra filene' }] })
  const { world, operations } = setup(files)
  await operations.addOrganisation({ ...ORG, active: false })
  await operations.deleteOrganisation('310001295')
  operations.reload(files)
  t.equal(world.organisations.get('310001147')?.active, false, 'the run-time change wins over the files')
  t.notOk(world.organisations.has('310001295'), 'a deleted fixture organisation stays deleted')

  const fresh = setup(files)
  fresh.operations.restore({ patients: [], registeredClients: [], deletedClients: [], savedOrganisations: [{ ...ORG, access: false }], deletedOrganisations: ['310001295'] })
  t.equal(fresh.world.organisations.get('310001147')?.access, false)
  t.notOk(fresh.world.organisations.has('310001295'))
  t.same(fresh.keeper.told, [], 'nothing told back')
})

t.test('restore: a fixture with the same number wins, sessions are seeded, clients deleted and registered, nothing told back', async (t) => {
  const { world, clients, sessions, operations, keeper } = setup()
  operations.restore({
    patients: [patient(FIXTURE, { givenName: 'Lagret' }), patient(ADDED)],
    registeredClients: [registration('acme')],
    deletedClients: ['fixture-client']
  })
  t.equal(world.patients.get(FIXTURE)?.givenName, 'Ukjent', 'the fixture wins')
  t.ok(world.patients.has(ADDED))
  t.ok(hasRecordOf(sessions.default.criticalInfo, ADDED))
  t.notOk(clients.has('fixture-client'))
  t.ok(clients.has('acme'))
  t.same(keeper.told, [])
})

t.test('restoreSession: the stored records, topped up with fixture records not among them', async (t) => {
  const { sessions, operations } = setup()
  const stored = sessions.get('stored')
  const records = stored.criticalInfo.exportRecords()
  stored.criticalInfo.importRecords([])
  await operations.addPatient(patient(ADDED))
  sessions.delete('stored')
  const restored = operations.restoreSession('stored', records)
  t.equal(sessions.peek('stored'), restored)
  t.ok(hasRecordOf(restored.criticalInfo, FIXTURE), 'the stored record')
  t.ok(hasRecordOf(restored.criticalInfo, ADDED), 'and the record of a patient added since')
})

t.test('reload: files replace files, run-time additions stay, sessions keep what they have, nothing is told', async (t) => {
  const { world, clients, sessions, operations, keeper } = setup()
  await operations.addPatient(patient(ADDED))
  await operations.addClient(registration('acme'))
  keeper.told.length = 0
  const NEW = '01887840020'
  operations.reload(fixtureFiles({ patients: [patient(NEW)], organisations: [ORG], clients: [registration('new-fixture-client')] }))
  t.same([...world.patients.keys()].sort(), [NEW, ADDED].sort(), 'the old fixture patient went, the added one stayed')
  t.same([...world.organisations.keys()], ['310001147'])
  t.ok(clients.has('new-fixture-client'))
  t.ok(clients.has('acme'), 'a run-time client stays')
  t.ok(clients.has('fixture-client'), 'clients are only ever added by a reload')
  t.notOk(hasRecordOf(sessions.default.criticalInfo, NEW), 'a session that exists is not re-seeded')
  t.ok(hasRecordOf(sessions.get('after-reload').criticalInfo, NEW), 'a session made later starts from the new files')
  t.same(keeper.told, [])
  operations.reload(fixtureFiles({ patients: [] }))
  t.same([...world.patients.keys()], [ADDED], 'the next reload tells by the files it replaced')
})
