/**
 * Everything FIXTURES_DIR holds: the world (users, patients, organisations) and HelseID's clients
 * (`helseid/clients.json`). Read here, beside both, so the world does not depend on HelseID and a
 * reload reads every file before it changes anything: a broken file leaves all of it as it was.
 * A folder of one's own adds to the built-in world by default (FIXTURES_MODE=add), so a vendor's
 * one extra patient does not cost them every demo person; an empty or missing folder is worth a
 * warning, since it is almost always a wrong path, not a wish for an empty world.
 */
import { access, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { clientRegistrationSchema, type ClientRegistration } from './helseid/clients.js'
import { readFixture } from './world/fixture-file.js'
import { readWorldFiles, type WorldFiles } from './world/world.js'

export interface FixtureFiles extends WorldFiles {
  readonly clients: ClientRegistration[]
}

export type FixturesMode = 'add' | 'replace'

/** Where the world comes from: the folder, and the built-in one it adds to (none: it is the whole world). */
export interface FixtureSource {
  readonly dir: string
  readonly base?: string
}

const FIXTURE_FILES = ['users.json', 'patients.json', 'organisations.json', join('helseid', 'clients.json')]

/** Reads and validates every fixture file; throws a FixtureError naming file and field. */
export async function readFixtureFiles (dir: string): Promise<FixtureFiles> {
  const [world, clients] = await Promise.all([
    readWorldFiles(dir),
    readFixture(join(dir, 'helseid', 'clients.json'), clientRegistrationSchema.array(), [])
  ])
  return { ...world, clients }
}

/** `base`'s entries, then `own`'s, one per key: an entry of `own` replaces the one with its key. */
function overlay<T> (base: readonly T[], own: readonly T[], key: (entry: T) => string): T[] {
  const byKey = new Map<string, T>()
  for (const entry of [...base, ...own]) byKey.set(key(entry), entry)
  return [...byKey.values()]
}

export function mergeFixtureFiles (base: FixtureFiles, own: FixtureFiles): FixtureFiles {
  return {
    users: overlay(base.users, own.users, (u) => u.pid),
    patients: overlay(base.patients, own.patients, (p) => p.nin),
    organisations: overlay(base.organisations, own.organisations, (o) => o.orgnr),
    clients: overlay(base.clients, own.clients, (c) => c.client_id)
  }
}

/** The world of a source: the folder alone, or laid over the built-in one. */
export async function readFixtureSource (source: FixtureSource): Promise<FixtureFiles> {
  if (source.base === undefined) return readFixtureFiles(source.dir)
  const [base, own] = await Promise.all([readFixtureFiles(source.base), readFixtureFiles(source.dir)])
  return mergeFixtureFiles(base, own)
}

/** One line when the folder is missing or holds no fixture file; undefined when it is fine. */
export async function fixtureFolderWarning (dir: string, mode: FixturesMode): Promise<string | undefined> {
  const after = mode === 'add' ? 'only the built-in world is served' : 'the world is empty'
  try {
    await readdir(dir)
  } catch (err) {
    return `FIXTURES_DIR ${dir} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ${after}`
  }
  const present = await Promise.all(FIXTURE_FILES.map((f) => access(join(dir, f)).then(() => true, () => false)))
  if (!present.includes(true)) return `FIXTURES_DIR ${dir} holds none of ${FIXTURE_FILES.join(', ')}: ${after}`
  return undefined
}
