/**
 * The sandbox as a whole: settings, signing keys, registered clients, the synthetic world and
 * the sessions. Built once at start; Fastify only wraps it.
 */
import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose'
import type { Config } from '../config.js'
import { builtInFixturesDir } from '../paths.js'
import { ClientRegistry } from './helseid/clients.js'
import { cachedJwsVerifier, type JwsVerifier } from './helseid/verified-tokens.js'
import { createNonceSource } from './helseid/dpop.js'
import type { PrivateRsaJwk } from './helseid/key-generation.js'
import { loadSigningKeys, type SigningKeys } from './helseid/signing-keys.js'
import { JournalBudget } from './journal/budget.js'
import { seedCriticalInfo } from './critical-info/seed.js'
import { TicketCipher } from './kjernejournal/tickets.js'
import { seededRandom, type Random } from './random.js'
import type { Session } from './session.js'
import { SessionRegistry } from './sessions.js'
import { createWorld, readWorldFiles, replaceWorld, type World, type WorldFiles } from './world/world.js'

export type { World }

export interface Sandbox {
  readonly config: Config
  readonly keys: SigningKeys
  /** The published keys, imported once, for checking tokens the sandbox issued. */
  readonly tokenKeys: JWTVerifyGetKey
  /** Signature checks of the sandbox's own RS256 tokens, remembered per token (bounded). */
  readonly verifiedTokens: JwsVerifier
  readonly tickets: TicketCipher
  /** Seeded (SEED): for variation that must repeat, never for secrets. */
  readonly random: Random
  readonly clients: ClientRegistry
  readonly world: World
  readonly nonces: ReturnType<typeof createNonceSource>
  readonly sessions: SessionRegistry
  /** The `default` session: requests without /s/<id>/ or X-Sandbox-Session. */
  readonly defaultSession: Session
  readonly fixturesDir: string
  /** Re-reads FIXTURES_DIR; on a broken file throws and keeps the last good world. */
  reloadFixtures(): Promise<void>
}

export interface SandboxOptions {
  /** Replaces the wall clock, for tests. */
  readonly wall?: () => number
  /** A signing key being made already (see server/main.ts); used when KEYS_FILE has none. */
  readonly signingKey?: Promise<PrivateRsaJwk>
}

export async function createSandbox (config: Config, options: SandboxOptions = {}): Promise<Sandbox> {
  const fixturesDir = config.FIXTURES_DIR ?? builtInFixturesDir
  const [keys, files] = await Promise.all([loadSigningKeys(config.KEYS_FILE, options.signingKey), readWorldFiles(fixturesDir)])
  const clients = new ClientRegistry()
  for (const registration of files.clients) clients.put(registration)
  const world = createWorld(files)
  let loaded: WorldFiles = files
  const sessions = new SessionRegistry(config.MAX_SESSIONS, (session) => {
    seedCriticalInfo(session.criticalInfo, world.patients.values())
  }, options.wall, new JournalBudget(config.JOURNAL_MAX_MB * 1024 * 1024))
  const tokenKeys = createLocalJWKSet(keys.jwks)
  return {
    config,
    keys,
    tokenKeys,
    verifiedTokens: cachedJwsVerifier(tokenKeys, ['RS256']),
    tickets: new TicketCipher(keys.secret),
    random: seededRandom(config.SEED),
    clients,
    world,
    nonces: createNonceSource(),
    sessions,
    get defaultSession () { return sessions.default },
    fixturesDir,
    async reloadFixtures () {
      const next = await readWorldFiles(fixturesDir)
      replaceWorld(world, loaded, next)
      // Fixture clients are replaced; clients registered at run time stay.
      for (const registration of next.clients) clients.put(registration)
      loaded = next
    }
  }
}
