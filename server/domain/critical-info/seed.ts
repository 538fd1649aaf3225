/**
 * Fills a session's store from the fixtures: each patient's `criticalInfo` entries become sample
 * records of the matching profile, stamped with the entry's `sistEndret`, so helseindikator
 * answers what the fixture file says until someone writes through the API. Seeding is
 * idempotent and the ids are stable (see seedRecordId).
 */
import { createHash } from 'node:crypto'
import type { Patient } from '../world/patients.js'
import { profileFor } from './profiles/index.js'
import { seedRecordsFor } from './samples.js'
import type { CriticalInfoStore } from './store.js'

export function seedCriticalInfo (store: CriticalInfoStore, patients: Iterable<Patient>): void {
  for (const patient of patients) {
    seedRecordsFor(patient.nin, patient.criticalInfo).forEach((resource, index) => {
      const profile = profileFor(resource)
      const id = seedRecordId(patient.nin, index)
      // Idempotent: a record restored from DATA_DIR, or seeded before, is left as it is.
      if (profile === undefined || store.latest(id) !== undefined) return
      store.create(resource, patient.nin, profile.name, String(resource.meta?.lastUpdated), id)
    })
  }
}

/**
 * A fixture record's id: the same in every session and after every restart, so a record an EHR
 * has seen keeps its id when the sandbox restarts without having stored the session (DATA_DIR
 * keeps only sessions written to). Shaped like a version-4 UUID, as the API's ids are.
 */
export function seedRecordId (nin: string, index: number): string {
  const hex = createHash('sha256').update(`kjernejournal-sandbox seed|${nin}|${index}`).digest('hex')
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
