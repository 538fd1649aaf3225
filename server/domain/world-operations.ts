/**
 * The world's verbs. Every change to what all sessions share (patients, organisations, clients)
 * after start goes through here, whether it comes from the admin API, from DATA_DIR at start or
 * from a fixture reload: each verb updates the map, brings the sessions that exist up to date and
 * tells the keeper (DATA_DIR's persistence), in that order and in this one place. The keeper is a
 * port, so this stays free of file I/O. A new kind of run-time change (an organisation register)
 * is one more verb here, not one more copy in a route.
 */
import { seedCriticalInfo } from './critical-info/seed.js'
import type { PersistedRecord } from './critical-info/store.js'
import type { FixtureFiles } from './fixtures.js'
import type { Client, ClientRegistration, ClientRegistry } from './helseid/clients.js'
import type { Session } from './session.js'
import type { SessionRegistry } from './sessions.js'
import { runTimeGrant, type RunTimeGrant } from './world/organisation-register.js'
import type { Organisation } from './world/organisations.js'
import type { Patient } from './world/patients.js'
import { replaceWorld, type World } from './world/world.js'

/**
 * Who keeps the world's run-time changes; told after each change. A verb's promise is the
 * keeper's, so an admin route answers only once the change is stored.
 */
export interface WorldKeeper {
  patientAdded(patient: Patient): Promise<void>
  clientSaved(registration: ClientRegistration): Promise<void>
  clientDeleted(clientId: string): Promise<void>
  /** Added or replaced through the organisation register (/__admin/organisations). */
  organisationSaved(organisation: Organisation): Promise<void>
  organisationDeleted(orgnr: string): Promise<void>
}

/** Without DATA_DIR nothing keeps anything. */
const NOTHING_KEPT: WorldKeeper = {
  patientAdded: async () => {},
  clientSaved: async () => {},
  clientDeleted: async () => {},
  organisationSaved: async () => {},
  organisationDeleted: async () => {}
}

/** Patients added at run time live as long as the sandbox: bounded like every other store. */
export const MAX_PATIENTS = 100_000

/** What DATA_DIR held at start. */
export interface StoredWorld {
  readonly patients: readonly Patient[]
  readonly registeredClients: readonly ClientRegistration[]
  /** Fixture clients deleted at run time: the files would bring them back. */
  readonly deletedClients: readonly string[]
  /** Organisations added or changed at run time; absent in DATA_DIRs written before the register. */
  readonly savedOrganisations?: readonly Organisation[]
  readonly deletedOrganisations?: readonly string[]
}

/** A session's critical information from the world's patients; idempotent, so also a top-up. */
export function seedSession (world: World, session: Session): void {
  seedCriticalInfo(session.criticalInfo, world.patients.values())
}

export class WorldOperations {
  readonly #world: World
  readonly #clients: ClientRegistry
  readonly #sessions: SessionRegistry
  #keeper: WorldKeeper = NOTHING_KEPT
  /** The fixture files now in the world: a reload tells run-time additions by them. */
  #loaded: FixtureFiles
  /** The organisation register's run-time changes, laid over the files again after a reload. */
  readonly #savedOrganisations = new Map<string, Organisation>()
  readonly #deletedOrganisations = new Set<string>()

  constructor (world: World, clients: ClientRegistry, sessions: SessionRegistry, loaded: FixtureFiles) {
    this.#world = world
    this.#clients = clients
    this.#sessions = sessions
    this.#loaded = loaded
  }

  /** From now on, every change is told to `keeper` (set once DATA_DIR is open). */
  keepWith (keeper: WorldKeeper): void {
    this.#keeper = keeper
  }

  /** For every session: those made from now on seed from the world, those that exist get it now. */
  async addPatient (patient: Patient): Promise<void> {
    this.#world.patients.set(patient.nin, patient)
    // So helseindikator answers status 4 for the patient in the sessions that exist too.
    for (const session of this.#sessions.list()) seedCriticalInfo(session.criticalInfo, [patient])
    await this.#keeper.patientAdded(patient)
  }

  /**
   * Adds or replaces an organisation. No session holds anything of an organisation: the map is
   * all there is to change. Checks (number, parent, duplicates) are the caller's: see
   * world/organisation-register.ts.
   */
  async addOrganisation (organisation: Organisation): Promise<void> {
    this.#world.organisations.set(organisation.orgnr, organisation)
    this.#savedOrganisations.set(organisation.orgnr, organisation)
    this.#deletedOrganisations.delete(organisation.orgnr)
    await this.#keeper.organisationSaved(organisation)
  }

  async deleteOrganisation (orgnr: string): Promise<void> {
    this.#world.organisations.delete(orgnr)
    this.#savedOrganisations.delete(orgnr)
    this.#deletedOrganisations.add(orgnr)
    await this.#keeper.organisationDeleted(orgnr)
  }

  /**
   * Whether organisation `orgnr` has Kjernejournal access only because it was added or changed at
   * run time (the register or a client's registration), and which: a readiness finding, since at
   * NHN only an agreement gives access.
   */
  grantedAtRunTime (orgnr: string): RunTimeGrant | undefined {
    const saved = this.#savedOrganisations.get(orgnr)
    if (saved === undefined || !saved.access || !saved.active) return undefined
    return runTimeGrant(saved, this.#loaded.organisations.find((o) => o.orgnr === orgnr))
  }

  /** Adds or replaces a client; resolves with it once kept. */
  async addClient (registration: ClientRegistration): Promise<Client> {
    const client = this.#clients.put(registration)
    await this.#keeper.clientSaved(registration)
    return client
  }

  async deleteClient (clientId: string): Promise<void> {
    this.#clients.delete(clientId)
    await this.#keeper.clientDeleted(clientId)
  }

  /** DATA_DIR's world at start, before any request; not told back to the keeper it came from. */
  restore (stored: StoredWorld): void {
    // A fixture with the same number (added to the files since) wins.
    for (const patient of stored.patients) {
      if (!this.#world.patients.has(patient.nin)) this.#world.patients.set(patient.nin, patient)
    }
    for (const session of this.#sessions.list()) seedCriticalInfo(session.criticalInfo, stored.patients)
    for (const id of stored.deletedClients) this.#clients.delete(id)
    for (const registration of stored.registeredClients) this.#clients.put(registration)
    for (const orgnr of stored.deletedOrganisations ?? []) this.#deletedOrganisations.add(orgnr)
    for (const organisation of stored.savedOrganisations ?? []) this.#savedOrganisations.set(organisation.orgnr, organisation)
    this.#overlayOrganisations()
  }

  /** The register's run-time changes win over the files, as DATA_DIR's clients do. */
  #overlayOrganisations (): void {
    for (const orgnr of this.#deletedOrganisations) this.#world.organisations.delete(orgnr)
    for (const organisation of this.#savedOrganisations.values()) this.#world.organisations.set(organisation.orgnr, organisation)
  }

  /** A session's stored records; fixture records not among them (a patient added after the last save) come back too. */
  restoreSession (id: string, records: readonly PersistedRecord[]): Session {
    const session = this.#sessions.get(id)
    session.criticalInfo.importRecords(records)
    seedSession(this.#world, session)
    return session
  }

  /**
   * Newly read fixture files: what came from the files is replaced, patients, clients and
   * organisations added or changed at run time stay. Sessions that exist keep their records (made after a reload, they start from
   * the new files), and nothing is told to the keeper: the files are their own record.
   */
  reload (next: FixtureFiles): void {
    replaceWorld(this.#world, this.#loaded, next)
    this.#overlayOrganisations()
    for (const registration of next.clients) this.#clients.put(registration)
    this.#loaded = next
  }
}
