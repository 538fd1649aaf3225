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
import type { TokenIssuance } from './helseid/grants/context.js'
import type { PrivateRsaJwk } from './helseid/key-generation.js'
import { loadSigningKeys, type SigningKeys } from './helseid/signing-keys.js'
import { fixtureFolderWarning, readFixtureSource, type FixtureSource } from './fixtures.js'
import { JournalBudget } from './journal/budget.js'
import { CriticalInfoBudget } from './critical-info/budget.js'
import type { PoolKind } from './session.js'
import { TicketCipher } from './kjernejournal/tickets.js'
import { seededRandom, type Random } from './random.js'
import type { Session } from './session.js'
import { SessionRegistry } from './sessions.js'
import { seedSession, WorldOperations } from './world-operations.js'
import { createWorld, type World } from './world/world.js'

export type { World }

export interface Sandbox {
  readonly config: Config
  readonly keys: SigningKeys
  /** What the token endpoint's grants sign and stamp with: the active key and the lifetimes. */
  readonly issuance: TokenIssuance
  /** The published keys, imported once, for checking tokens the sandbox issued. */
  readonly tokenKeys: JWTVerifyGetKey
  /** Signature checks of the sandbox's own RS256 tokens, remembered per token (bounded). */
  readonly verifiedTokens: JwsVerifier
  readonly tickets: TicketCipher
  /** Seeded (SEED): for variation that must repeat, never for secrets. */
  readonly random: Random
  readonly clients: ClientRegistry
  /** Read it freely; change it only through `operations`. */
  readonly world: World
  /** The world's verbs: add a patient or client, restore from DATA_DIR, reload the fixtures. */
  readonly operations: WorldOperations
  readonly nonces: ReturnType<typeof createNonceSource>
  readonly sessions: SessionRegistry
  /** The `default` session: requests without /s/<id>/ or X-Sandbox-Session. */
  readonly defaultSession: Session
  readonly fixturesDir: string
  /** Start-up problems worth a warning (an empty or missing FIXTURES_DIR); the app logs them. */
  readonly warnings: readonly string[]
  /** Re-reads FIXTURES_DIR; on a broken file throws and keeps the last good world. */
  reloadFixtures(): Promise<void>
}

export interface SandboxOptions {
  /** Replaces the wall clock, for tests. */
  readonly wall?: () => number
  /** A signing key being made already (see server/main.ts); used when KEYS_FILE has none. */
  readonly signingKey?: Promise<PrivateRsaJwk>
  /** Smaller cross-session entry caps, for tests that fill them (see session.ts POOL_CAPS). */
  readonly poolCaps?: Partial<Record<PoolKind, number>>
  /** A smaller critical-information budget across sessions, for tests that fill it. */
  readonly criticalInfoBudgetBytes?: number
}

export async function createSandbox (config: Config, options: SandboxOptions = {}): Promise<Sandbox> {
  const fixturesDir = config.FIXTURES_DIR ?? builtInFixturesDir
  // FIXTURES_MODE=add: the folder is laid over the built-in world, which is read again on each reload.
  const source: FixtureSource = config.FIXTURES_DIR !== undefined && config.FIXTURES_MODE === 'add' ? { dir: fixturesDir, base: builtInFixturesDir } : { dir: fixturesDir }
  const [keys, files, warning] = await Promise.all([
    loadSigningKeys(config.KEYS_FILE, options.signingKey),
    readFixtureSource(source),
    config.FIXTURES_DIR !== undefined ? fixtureFolderWarning(fixturesDir, config.FIXTURES_MODE) : undefined
  ])
  const clients = new ClientRegistry()
  for (const registration of files.clients) clients.put(registration)
  const world = createWorld(files)
  const prepare = (session: Session): void => {
    session.readiness.profile = config.PROFILE
    seedSession(world, session)
  }
  const sessions = new SessionRegistry(config.MAX_SESSIONS, prepare, options.wall,
    new JournalBudget(config.JOURNAL_MAX_MB * 1024 * 1024), new CriticalInfoBudget(options.criticalInfoBudgetBytes), options.poolCaps)
  const operations = new WorldOperations(world, clients, sessions, files)
  const tokenKeys = createLocalJWKSet(keys.jwks)
  return {
    config,
    keys,
    issuance: {
      signingKey: keys.active,
      lifetimes: { access: config.ACCESS_TOKEN_LIFETIME, id: config.ID_TOKEN_LIFETIME, refresh: config.REFRESH_TOKEN_LIFETIME }
    },
    tokenKeys,
    verifiedTokens: cachedJwsVerifier(tokenKeys, ['RS256']),
    tickets: new TicketCipher(keys.secret),
    random: seededRandom(config.SEED),
    clients,
    world,
    operations,
    nonces: createNonceSource(),
    sessions,
    get defaultSession () { return sessions.default },
    fixturesDir,
    warnings: warning !== undefined ? [warning] : [],
    async reloadFixtures () {
      operations.reload(await readFixtureSource(source))
    }
  }
}
