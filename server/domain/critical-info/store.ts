/**
 * The critical-information store of one sandbox session: every version of every record, never
 * physically deleted ("Id + meta.versionId is the unique identifier ... the old record will be
 * preserved"). Bounded, so a runaway client cannot exhaust memory.
 */
import { randomUUID } from 'node:crypto'
import { KjError } from '../kj-error.js'
import { CriticalInfoBudget } from './budget.js'
import type { FhirResource, ProfileName } from './types.js'
import { seal } from '../fhir/sealed-json.js'

export interface StoredVersion {
  /** The resource as stored, with id, meta.versionId and meta.lastUpdated set. */
  readonly resource: FhirResource
  readonly nin: string
  readonly profile: ProfileName
}

/** A record with every version, as persistence stores it. */
export interface PersistedRecord {
  readonly id: string
  readonly nin: string
  readonly profile: ProfileName
  /** Oldest first; each with id, meta.versionId (1, 2, ...) and meta.lastUpdated. */
  readonly versions: readonly FhirResource[]
}

export const MAX_RECORDS = 10_000
const MAX_VERSIONS = 1_000
/** All versions of all records of a session, as JSON: a session cannot grow past this. */
export const MAX_STORE_BYTES = 64 * 1024 * 1024

export class CriticalInfoStore {
  readonly #records = new Map<string, StoredVersion[]>()
  readonly #byPatient = new Map<string, string[]>()
  #bytes = 0
  #revision = 0
  #budget: CriticalInfoBudget

  /** Without a shared budget (tests, tools) the store has one of its own. */
  constructor (budget = new CriticalInfoBudget()) {
    this.#budget = budget
  }

  get size (): number {
    return this.#records.size
  }

  /** Changes whenever a record is stored or the store is cleared: what is worked out from the records can be kept until then. */
  get revision (): number {
    return this.#revision
  }

  /** Roughly how much the stored versions take, as JSON. */
  get bytes (): number {
    return this.#bytes
  }

  /**
   * Stores version 1 of a new record. `lastUpdated` is an ISO timestamp of sandbox time. `id` is
   * for seeding only (stable ids for fixture records); the API's records get a random one.
   */
  create (resource: FhirResource, nin: string, profile: ProfileName, lastUpdated: string, id?: string): StoredVersion {
    const seeding = id !== undefined
    id ??= randomUUID()
    if (this.#records.size >= MAX_RECORDS) throw new KjError('KI-0016', `the sandbox session holds ${MAX_RECORDS} records, its limit; reset the session`)
    if (this.#records.has(id)) throw new RangeError(`record ${id} exists`)
    // A given id is seeding: a new session's fixture records are never refused.
    const stored = this.#version(resource, id, '1', lastUpdated, nin, profile, seeding)
    this.#records.set(id, [stored])
    const ids = this.#byPatient.get(nin) ?? []
    ids.push(id)
    this.#byPatient.set(nin, ids)
    return stored
  }

  /** Appends the next version of a record. */
  append (id: string, resource: FhirResource, lastUpdated: string): StoredVersion {
    const versions = this.#records.get(id)
    const latest = versions?.at(-1)
    if (versions === undefined || latest === undefined) throw new KjError('KI-0015', `no record ${id}`)
    if (versions.length >= MAX_VERSIONS) throw new KjError('KI-0016', `record ${id} has ${MAX_VERSIONS} versions, its limit`)
    const stored = this.#version(resource, id, String(versions.length + 1), lastUpdated, latest.nin, latest.profile)
    versions.push(stored)
    return stored
  }

  latest (id: string): StoredVersion | undefined {
    return this.#records.get(id)?.at(-1)
  }

  version (id: string, versionId: string): StoredVersion | undefined {
    const index = Number(versionId)
    if (!Number.isInteger(index) || index < 1) return undefined
    return this.#records.get(id)?.[index - 1]
  }

  /** Every version, oldest first. */
  history (id: string): readonly StoredVersion[] {
    return this.#records.get(id) ?? []
  }

  /** The latest version of each of the patient's records, in creation order. */
  recordsOf (nin: string): StoredVersion[] {
    return (this.#byPatient.get(nin) ?? []).map((id) => this.latest(id) as StoredVersion)
  }

  /** Every record with all its versions, in creation order: what persistence writes. */
  exportRecords (): PersistedRecord[] {
    return [...this.#records].map(([id, versions]) => {
      const first = versions[0] as StoredVersion
      return { id, nin: first.nin, profile: first.profile, versions: versions.map((v) => v.resource) }
    })
  }

  /**
   * Replaces the contents with records as `exportRecords` gave them. Throws (and changes nothing)
   * when they do not hang together: ids, version numbers, limits.
   */
  importRecords (records: readonly PersistedRecord[]): void {
    if (records.length > MAX_RECORDS) throw new RangeError(`${records.length} records, more than the limit of ${MAX_RECORDS}`)
    const next = new Map<string, StoredVersion[]>()
    let bytes = 0
    for (const record of records) {
      if (next.has(record.id)) throw new RangeError(`record ${record.id} appears twice`)
      if (record.versions.length === 0 || record.versions.length > MAX_VERSIONS) throw new RangeError(`record ${record.id} has ${record.versions.length} versions`)
      next.set(record.id, record.versions.map((resource, i) => {
        if (resource.id !== record.id || resource.meta?.versionId !== String(i + 1) || typeof resource.meta.lastUpdated !== 'string') {
          throw new RangeError(`record ${record.id}: version ${i + 1} has id ${String(resource.id)}, versionId ${String(resource.meta?.versionId)}`)
        }
        bytes += JSON.stringify(resource).length
        return Object.freeze({ resource: seal(structuredClone(resource)), nin: record.nin, profile: record.profile })
      }))
    }
    if (bytes > MAX_STORE_BYTES) throw new RangeError(`${bytes} bytes of records, more than the limit of ${MAX_STORE_BYTES}`)
    this.clear()
    this.#bytes = bytes
    this.#budget.charge(bytes)
    for (const [id, versions] of next) {
      this.#records.set(id, versions)
      const nin = (versions[0] as StoredVersion).nin
      const ids = this.#byPatient.get(nin) ?? []
      ids.push(id)
      this.#byPatient.set(nin, ids)
    }
  }

  clear (): void {
    this.#budget.release(this.#bytes)
    this.#records.clear()
    this.#byPatient.clear()
    this.#bytes = 0
    this.#revision++
  }

  /** The session is gone: its bytes leave the shared budget, and later writes count only here. */
  retire (): void {
    this.clear()
    this.#budget = new CriticalInfoBudget()
  }

  #version (resource: FhirResource, id: string, versionId: string, lastUpdated: string, nin: string, profile: ProfileName, seeding = false): StoredVersion {
    // structuredClone: what a caller holds can never change what is stored.
    const copy = structuredClone(resource)
    copy.id = id
    copy.meta = { ...copy.meta, versionId, lastUpdated }
    const bytes = JSON.stringify(copy).length
    if (this.#bytes + bytes > MAX_STORE_BYTES) throw new KjError('KI-0016', `the sandbox session holds ${MAX_STORE_BYTES >> 20} MB of critical information, its limit; reset the session`)
    if (!seeding && !this.#budget.fits(bytes)) {
      throw new KjError('KI-0016', `the sandbox holds ${this.#budget.maxBytes >> 20} MB of critical information across all sessions, its limit; reset or delete sessions`)
    }
    this.#bytes += bytes
    this.#budget.charge(bytes)
    this.#revision++
    // Sealed: a stored version never changes, so its JSON text is written once (sealed-json.ts).
    return Object.freeze({ resource: seal(copy), nin, profile })
  }
}
