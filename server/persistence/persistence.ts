/**
 * What survives a restart when DATA_DIR is set: clients registered at run time, patients and
 * organisations added (or changed) at run time, and the critical information of every session written to through the APIs.
 * The domain objects stay plain in-memory state; this module restores them from documents at
 * start and, after each change, writes the affected document through a WriteQueue, whose promise
 * the route awaits before it answers (a write is acknowledged only once it is durable).
 *
 * Not kept: sessions nobody wrote to (they are made again on first use, from the fixtures, with
 * the same record ids), clocks, scenario state, journals, codes, refresh tokens, replay caches.
 */
import type { ClientRegistration } from '../domain/helseid/clients.js'
import type { Sandbox } from '../domain/sandbox.js'
import type { Session } from '../domain/session.js'
import type { WorldKeeper } from '../domain/world-operations.js'
import type { Organisation } from '../domain/world/organisations.js'
import type { Patient } from '../domain/world/patients.js'
import {
  CLIENTS, ORGANISATIONS, PATIENTS, SESSION_PREFIX, clientsDocumentSchema, describeError, organisationsDocumentSchema,
  parseSessionDocument, patientsDocumentSchema, sessionDocument, type ClientsDocument, type OrganisationsDocument,
  type SessionDocument
} from './documents.js'
import type { DocumentProblem, DocumentStore, StoredDocument } from './port.js'
import { UNCHANGED, WriteQueue } from './write-queue.js'

export interface PersistenceStatus {
  readonly enabled: boolean
  readonly location: string | null
  /** What was read back at start. */
  readonly restored: { readonly clients: number, readonly patients: number, readonly organisations: number, readonly sessions: number, readonly bytes: number }
  /** Temporary files of writes a crash interrupted, removed at start. */
  readonly interruptedWrites: number
  /** Files that could not be used at start; each was moved aside, never deleted. */
  readonly problems: readonly DocumentProblem[]
  /** Sessions whose critical information is stored. */
  readonly storedSessions: number
  readonly writes: number
  readonly failedWrites: number
  readonly lastError: string | null
}

/** Keeps the world's run-time changes (told by the world's verbs, see domain/world-operations.ts). */
export interface Persistence extends WorldKeeper {
  readonly enabled: boolean
  /** After a create, update or delete through either FHIR face. */
  sessionWritten(session: Session): Promise<void>
  /** Waits for every write under way, e.g. after a session reset (whose stored copy goes). */
  flush(): Promise<void>
  /**
   * Brings back the stored records of a session evicted from memory, before a request uses it;
   * undefined when there is nothing to bring back.
   */
  reloadEvicted(id: string): Promise<void> | undefined
  status(): PersistenceStatus
}

/** Without DATA_DIR: nothing is written anywhere, every call is free. */
export const MEMORY_ONLY: Persistence = {
  enabled: false,
  sessionWritten: async () => {},
  clientSaved: async () => {},
  clientDeleted: async () => {},
  patientAdded: async () => {},
  organisationSaved: async () => {},
  organisationDeleted: async () => {},
  flush: async () => {},
  reloadEvicted: () => undefined,
  status: () => ({
    enabled: false,
    location: null,
    restored: { clients: 0, patients: 0, organisations: 0, sessions: 0, bytes: 0 },
    interruptedWrites: 0,
    problems: [],
    storedSessions: 0,
    writes: 0,
    failedWrites: 0,
    lastError: null
  })
}

/**
 * Reads DATA_DIR's documents into the sandbox (through the world's verbs) and keeps them up to
 * date from then on; the caller hands it to `sandbox.operations.keepWith`.
 */
export async function openPersistence (store: DocumentStore, sandbox: Sandbox): Promise<Persistence> {
  const loaded = await store.readAll()
  const problems: DocumentProblem[] = [...loaded.problems]
  let bytes = 0

  /** A document whose content is wrong is set aside like one that does not parse. */
  async function use<T> (name: string, doc: StoredDocument | undefined, parse: (data: unknown) => T): Promise<T | undefined> {
    if (doc === undefined) return undefined
    try {
      const value = parse(doc.data)
      bytes += doc.bytes
      return value
    } catch (err) {
      const { file, movedTo } = await store.quarantine(name)
      problems.push({ file, message: describeError(err), movedTo })
      return undefined
    }
  }

  // The world (patients, clients) before the sessions: sessions are seeded from it.
  const patients = new Map<string, Patient>()
  const patientsDoc = await use(PATIENTS, loaded.documents.get(PATIENTS), (d) => patientsDocumentSchema.parse(d))
  for (const patient of patientsDoc?.patients ?? []) patients.set(patient.nin, patient)

  const registered = new Map<string, ClientRegistration>()
  // Only a fixture client's deletion needs remembering (the files would bring it back); so the
  // set stays as small as the fixtures.
  const fixtureClients = new Set(sandbox.clients.list().map((c) => c.client_id))
  const deleted = new Set<string>()
  const clientsDoc = await use(CLIENTS, loaded.documents.get(CLIENTS), (d) => clientsDocumentSchema.parse(d))
  for (const id of clientsDoc?.deleted ?? []) deleted.add(id)
  for (const registration of clientsDoc?.registered ?? []) registered.set(registration.client_id, registration)

  // Every run-time deletion is kept (not only of fixture organisations): a fixture organisation
  // added to the files later must not come back as if nobody had deleted it.
  const savedOrganisations = new Map<string, Organisation>()
  const deletedOrganisations = new Set<string>()
  const organisationsDoc = await use(ORGANISATIONS, loaded.documents.get(ORGANISATIONS), (d) => organisationsDocumentSchema.parse(d))
  for (const organisation of organisationsDoc?.saved ?? []) savedOrganisations.set(organisation.orgnr, organisation)
  for (const orgnr of organisationsDoc?.deleted ?? []) deletedOrganisations.add(orgnr)

  sandbox.operations.restore({
    patients: [...patients.values()],
    registeredClients: clientsDoc?.registered ?? [],
    deletedClients: clientsDoc?.deleted ?? [],
    savedOrganisations: [...savedOrganisations.values()],
    deletedOrganisations: [...deletedOrganisations]
  })

  // Sessions, least recently saved first, so the registry's eviction order survives too; never
  // more than it keeps: the rest stay on disk and are read on their first use, as if evicted.
  const stored = new Set<string>()
  const evicted = new Set<string>()
  const sessionDocs = [...loaded.documents].filter(([name]) => name.startsWith(SESSION_PREFIX))
    .sort(([, a], [, b]) => a.savedAt.localeCompare(b.savedAt))
  const room = sandbox.config.MAX_SESSIONS - (loaded.documents.has(sessionDocument('default')) ? 0 : 1)
  const skipped = sessionDocs.length > room ? sessionDocs.splice(0, sessionDocs.length - room) : []
  for (const [name] of skipped) {
    const id = name.slice(SESSION_PREFIX.length)
    stored.add(id)
    evicted.add(id)
  }
  for (const [name, doc] of sessionDocs) {
    const session = await use(name, doc, (data) => {
      const parsed: SessionDocument = parseSessionDocument(data)
      if (sessionDocument(parsed.id) !== name) throw new Error(`holds session '${parsed.id}'`)
      return sandbox.operations.restoreSession(parsed.id, parsed.records)
    })
    if (session !== undefined) stored.add(session.id)
  }

  const produce = (name: string): unknown => {
    if (name === CLIENTS) return { registered: [...registered.values()], deleted: [...deleted] } satisfies ClientsDocument
    if (name === PATIENTS) return { patients: [...patients.values()] }
    if (name === ORGANISATIONS) return { saved: [...savedOrganisations.values()], deleted: [...deletedOrganisations] } satisfies OrganisationsDocument
    const id = name.slice(SESSION_PREFIX.length)
    // An evicted session's file is all there is of it: it stays as it is.
    if (evicted.has(id)) return UNCHANGED
    const session = sandbox.sessions.peek(id)
    if (!stored.has(id) || session === undefined) return undefined
    return { id, records: session.criticalInfo.exportRecords() } satisfies SessionDocument
  }
  const queue = new WriteQueue(store, produce)

  // A session reset or deleted (explicit admin calls) has nothing left worth keeping: its file
  // goes. One evicted from memory keeps its file and is read back on its next use.
  const reloading = new Map<string, Promise<void>>()
  sandbox.sessions.onDiscard((id) => {
    evicted.delete(id)
    if (stored.delete(id)) queue.schedule(sessionDocument(id)).catch(() => {})
  })
  sandbox.sessions.onEvict((id) => {
    if (stored.has(id)) evicted.add(id)
  })
  sandbox.sessions.protectStored((id) => stored.has(id))

  async function reload (id: string): Promise<void> {
    // Writes under way for this session finish first, so the file read is the newest.
    await queue.idle()
    const doc = await store.read(sessionDocument(id))
    if (!evicted.delete(id)) return
    if (doc === undefined) {
      stored.delete(id)
      return
    }
    sandbox.operations.restoreSession(id, parseSessionDocument(doc.data).records)
  }

  const restored = { clients: registered.size + deleted.size, patients: patients.size, organisations: savedOrganisations.size + deletedOrganisations.size, sessions: stored.size, bytes }
  return {
    enabled: true,
    sessionWritten (session) {
      stored.add(session.id)
      return queue.schedule(sessionDocument(session.id))
    },
    clientSaved (registration) {
      registered.set(registration.client_id, registration)
      deleted.delete(registration.client_id)
      return queue.schedule(CLIENTS)
    },
    clientDeleted (clientId) {
      registered.delete(clientId)
      if (fixtureClients.has(clientId)) deleted.add(clientId)
      return queue.schedule(CLIENTS)
    },
    patientAdded (patient) {
      patients.set(patient.nin, patient)
      return queue.schedule(PATIENTS)
    },
    organisationSaved (organisation) {
      savedOrganisations.set(organisation.orgnr, organisation)
      deletedOrganisations.delete(organisation.orgnr)
      return queue.schedule(ORGANISATIONS)
    },
    organisationDeleted (orgnr) {
      savedOrganisations.delete(orgnr)
      deletedOrganisations.add(orgnr)
      return queue.schedule(ORGANISATIONS)
    },
    flush: () => queue.idle(),
    reloadEvicted (id) {
      if (!evicted.has(id)) return undefined
      let loading = reloading.get(id)
      if (loading === undefined) {
        loading = reload(id).finally(() => reloading.delete(id))
        reloading.set(id, loading)
      }
      return loading
    },
    status: () => ({
      enabled: true,
      location: store.location,
      restored,
      interruptedWrites: loaded.interruptedWrites,
      problems,
      storedSessions: stored.size,
      writes: queue.writes,
      failedWrites: queue.failures,
      lastError: queue.lastError ?? null
    })
  }
}
