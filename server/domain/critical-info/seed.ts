/**
 * Fills a session's store from the fixtures: each patient's `criticalInfo` entries become sample
 * records of the matching profile, stamped with the entry's `sistEndret`, so helseindikator
 * answers what the fixture file says until someone writes through the API.
 */
import type { Patient } from '../world/patients.js'
import { profileFor } from './profiles/index.js'
import { seedRecordsFor } from './samples.js'
import type { CriticalInfoStore } from './store.js'

export function seedCriticalInfo (store: CriticalInfoStore, patients: Iterable<Patient>): void {
  for (const patient of patients) {
    for (const resource of seedRecordsFor(patient.nin, patient.criticalInfo)) {
      const profile = profileFor(resource)
      if (profile === undefined) continue
      store.create(resource, patient.nin, profile.name, String(resource.meta?.lastUpdated))
    }
  }
}
