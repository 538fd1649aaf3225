/**
 * The sandbox as a whole: settings, signing keys, registered clients, the synthetic world and
 * the sessions. Built once at start; Fastify only wraps it.
 */
import { join } from 'node:path'
import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose'
import type { Config } from '../config.js'
import { builtInFixturesDir } from '../paths.js'
import { ClientRegistry, clientRegistrationSchema } from './helseid/clients.js'
import { createNonceSource } from './helseid/dpop.js'
import { loadSigningKeys, type SigningKeys } from './helseid/signing-keys.js'
import { seedCriticalInfo } from './critical-info/seed.js'
import { TicketCipher } from './kjernejournal/tickets.js'
import { seededRandom, type Random } from './random.js'
import type { Session } from './session.js'
import { SessionRegistry } from './sessions.js'
import { readFixture } from './world/fixture-file.js'
import { organisationsFileSchema, type Organisation } from './world/organisations.js'
import { patientsFileSchema, type Patient } from './world/patients.js'
import { usersFileSchema, type User } from './world/users.js'

export interface World {
  readonly users: readonly User[]
  readonly patients: ReadonlyMap<string, Patient>
  readonly organisations: ReadonlyMap<string, Organisation>
}

export interface Sandbox {
  readonly config: Config
  readonly keys: SigningKeys
  /** The published keys, imported once, for checking tokens the sandbox issued. */
  readonly tokenKeys: JWTVerifyGetKey
  readonly tickets: TicketCipher
  /** Seeded (SEED): for variation that must repeat, never for secrets. */
  readonly random: Random
  readonly clients: ClientRegistry
  readonly world: World
  readonly nonces: ReturnType<typeof createNonceSource>
  readonly sessions: SessionRegistry
  /** The `default` session: requests without /s/<id>/ or X-Sandbox-Session. */
  readonly defaultSession: Session
}

export interface SandboxOptions {
  /** Replaces the wall clock, for tests. */
  readonly wall?: () => number
}

export async function createSandbox (config: Config, options: SandboxOptions = {}): Promise<Sandbox> {
  const fixturesDir = config.FIXTURES_DIR ?? builtInFixturesDir
  const [keys, clientFixtures, users, patients, organisations] = await Promise.all([
    loadSigningKeys(config.KEYS_FILE),
    readFixture(join(fixturesDir, 'helseid', 'clients.json'), clientRegistrationSchema.array(), []),
    readFixture(join(fixturesDir, 'users.json'), usersFileSchema, []),
    readFixture(join(fixturesDir, 'patients.json'), patientsFileSchema, []),
    readFixture(join(fixturesDir, 'organisations.json'), organisationsFileSchema, [])
  ])
  const clients = new ClientRegistry()
  for (const registration of clientFixtures) clients.put(registration)
  const world: World = {
    users,
    patients: new Map(patients.map((p) => [p.nin, p])),
    organisations: new Map(organisations.map((o) => [o.orgnr, o]))
  }
  const sessions = new SessionRegistry(config.MAX_SESSIONS, (session) => {
    seedCriticalInfo(session.criticalInfo, world.patients.values())
  }, options.wall)
  return {
    config,
    keys,
    tokenKeys: createLocalJWKSet(keys.jwks),
    tickets: new TicketCipher(keys.secret),
    random: seededRandom(config.SEED),
    clients,
    world,
    nonces: createNonceSource(),
    sessions,
    get defaultSession () { return sessions.default }
  }
}
