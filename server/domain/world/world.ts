/**
 * The synthetic world: users, patients and organisations from FIXTURES_DIR. Loaded at start and
 * again when a fixture file changes; the world object stays the same one (routes hold it), its
 * contents are replaced in place, and what was added at run time through the admin API survives
 * a reload. Knows nothing of HelseID: the clients file is read beside it (../fixtures.ts), and
 * every change goes through the verbs of ../world-operations.ts.
 */
import { join } from 'node:path'
import { readFixture } from './fixture-file.js'
import { organisationsFileSchema, type Organisation } from './organisations.js'
import { patientsFileSchema, type Patient } from './patients.js'
import { usersFileSchema, type User } from './users.js'

export interface World {
  readonly users: User[]
  readonly patients: Map<string, Patient>
  readonly organisations: Map<string, Organisation>
}

export interface WorldFiles {
  readonly users: User[]
  readonly patients: Patient[]
  readonly organisations: Organisation[]
}

/** Reads and validates every fixture file; throws a FixtureError naming file and field. */
export async function readWorldFiles (dir: string): Promise<WorldFiles> {
  const [users, patients, organisations] = await Promise.all([
    readFixture(join(dir, 'users.json'), usersFileSchema, []),
    readFixture(join(dir, 'patients.json'), patientsFileSchema, []),
    readFixture(join(dir, 'organisations.json'), organisationsFileSchema, [])
  ])
  return { users, patients, organisations }
}

export function createWorld (files: WorldFiles): World {
  return {
    users: [...files.users],
    patients: new Map(files.patients.map((p) => [p.nin, p])),
    organisations: new Map(files.organisations.map((o) => [o.orgnr, o]))
  }
}

/**
 * Puts newly read files into the world. Patients not in the previous files were added at run
 * time and are kept; everything from the files is replaced.
 */
export function replaceWorld (world: World, previous: WorldFiles, next: WorldFiles): void {
  const fromFiles = new Set(previous.patients.map((p) => p.nin))
  const added = [...world.patients.values()].filter((p) => !fromFiles.has(p.nin))
  world.patients.clear()
  for (const p of [...next.patients, ...added]) world.patients.set(p.nin, p)
  world.organisations.clear()
  for (const o of next.organisations) world.organisations.set(o.orgnr, o)
  world.users.splice(0, world.users.length, ...next.users)
}
