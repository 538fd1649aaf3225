/**
 * Everything FIXTURES_DIR holds: the world (users, patients, organisations) and HelseID's clients
 * (`helseid/clients.json`). Read here, beside both, so the world does not depend on HelseID and a
 * reload reads every file before it changes anything: a broken file leaves all of it as it was.
 */
import { join } from 'node:path'
import { clientRegistrationSchema, type ClientRegistration } from './helseid/clients.js'
import { readFixture } from './world/fixture-file.js'
import { readWorldFiles, type WorldFiles } from './world/world.js'

export interface FixtureFiles extends WorldFiles {
  readonly clients: ClientRegistration[]
}

/** Reads and validates every fixture file; throws a FixtureError naming file and field. */
export async function readFixtureFiles (dir: string): Promise<FixtureFiles> {
  const [world, clients] = await Promise.all([
    readWorldFiles(dir),
    readFixture(join(dir, 'helseid', 'clients.json'), clientRegistrationSchema.array(), [])
  ])
  return { ...world, clients }
}
