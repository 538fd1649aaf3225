/**
 * A sandbox session: all state that requests change (clock offset, codes, refresh tokens;
 * the replay caches are shared by all sessions). Sessions keep parallel test runs apart; every
 * cache in one is bounded.
 */
import { createClock, type Clock } from './clock.js'
import { CriticalInfoStore } from './critical-info/store.js'
import { Coverage } from './journal/coverage.js'
import { JournalBudget } from './journal/budget.js'
import { DEFAULT_JOURNAL_CAPACITY, RequestJournal } from './journal/journal.js'
import { ScenarioRuntime } from './scenarios/runtime.js'
import { ExpiringMap, ReplayGuard } from './expiring-map.js'
import type { AuthorizationCode, AuthorizationRequest } from './helseid/authorization.js'
import type { RefreshGrant } from './helseid/grants/context.js'

export type { RefreshGrant }

export interface Session {
  readonly id: string
  readonly clock: Clock
  /** Shared by every session (see SharedSessionState). */
  readonly assertionJtis: ReplayGuard
  /** Shared by every session (see SharedSessionState). */
  readonly dpopJtis: ReplayGuard
  readonly codes: ExpiringMap<string, AuthorizationCode>
  readonly pushedRequests: ExpiringMap<string, AuthorizationRequest>
  /** Authorization requests waiting on the login page. */
  readonly interactions: ExpiringMap<string, AuthorizationRequest>
  readonly refreshTokens: ExpiringMap<string, RefreshGrant>
  /** HelseID sessions (sid) ended at /connect/endsession: their refresh tokens stop working. */
  readonly endedSids: ExpiringMap<string, true>
  /** Critical information, read and written by both FHIR faces and summarised by helseindikator. */
  readonly criticalInfo: CriticalInfoStore
  readonly scenarios: ScenarioRuntime
  readonly journal: RequestJournal
  readonly coverage: Coverage
}

const REPLAY_CAP = 50_000
const PENDING_CAP = 10_000

/**
 * What all sessions share: HelseID's and Kjernejournal's replay caches are the real services'
 * own, so one client assertion buys one token and one DPoP proof is used once whatever
 * X-Sandbox-Session says (robustness probe, finding 8); and one byte budget for the journals.
 */
export interface SharedSessionState {
  readonly assertionJtis: ReplayGuard
  readonly dpopJtis: ReplayGuard
  readonly journalBudget: JournalBudget
}

export function sharedSessionState (journalBudget = new JournalBudget()): SharedSessionState {
  return { assertionJtis: new ReplayGuard(REPLAY_CAP), dpopJtis: new ReplayGuard(REPLAY_CAP), journalBudget }
}

export function createSession (id: string, wall?: () => number, shared: SharedSessionState = sharedSessionState()): Session {
  return {
    id,
    clock: createClock(wall),
    assertionJtis: shared.assertionJtis,
    dpopJtis: shared.dpopJtis,
    codes: new ExpiringMap(PENDING_CAP),
    pushedRequests: new ExpiringMap(PENDING_CAP),
    interactions: new ExpiringMap(PENDING_CAP),
    refreshTokens: new ExpiringMap(PENDING_CAP * 5),
    endedSids: new ExpiringMap(PENDING_CAP),
    criticalInfo: new CriticalInfoStore(),
    scenarios: new ScenarioRuntime(),
    journal: new RequestJournal(DEFAULT_JOURNAL_CAPACITY, shared.journalBudget),
    coverage: new Coverage()
  }
}
