/**
 * A sandbox session: all state that requests change (clock offset, codes, refresh tokens;
 * the replay caches are shared by all sessions). Sessions keep parallel test runs apart; every
 * cache in one is bounded, and every store a stranger can fill also across all sessions.
 */
import { createClock, type Clock } from './clock.js'
import { CriticalInfoBudget } from './critical-info/budget.js'
import { CriticalInfoStore } from './critical-info/store.js'
import { EntryPool } from './entry-pool.js'
import { Coverage } from './journal/coverage.js'
import { JournalBudget } from './journal/budget.js'
import { DEFAULT_JOURNAL_CAPACITY, RequestJournal } from './journal/journal.js'
import { ScenarioRuntime } from './scenarios/runtime.js'
import { SessionReadiness } from './readiness/session-readiness.js'
import { ExpiringMap } from './expiring-map.js'
import { ReplayGuard } from './replay-guard.js'
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
  /** Readiness findings and the profile (lenient or strict) they are answered by. */
  readonly readiness: SessionReadiness
  /** Shared by every session: the budgets its stores charge (see SharedSessionState). */
  readonly shared: SharedSessionState
}

const REPLAY_CAP = 50_000
const PENDING_CAP = 10_000

/**
 * Entries kept across all sessions, per kind of store: the per-session caps again, so one busy
 * session keeps what it kept before while MAX_SESSIONS sessions together hold no more.
 */
export const POOL_CAPS = {
  codes: PENDING_CAP,
  pushedRequests: PENDING_CAP,
  interactions: PENDING_CAP,
  refreshTokens: PENDING_CAP * 5,
  endedSids: PENDING_CAP,
  portalCodes: PENDING_CAP,
  portalSessions: PENDING_CAP
} as const

export type PoolKind = keyof typeof POOL_CAPS

function entryPools (caps: Partial<Record<PoolKind, number>>): Record<PoolKind, EntryPool> {
  const pools: Partial<Record<PoolKind, EntryPool>> = {}
  for (const [kind, cap] of Object.entries(POOL_CAPS)) pools[kind as PoolKind] = new EntryPool(caps[kind as PoolKind] ?? cap)
  return pools as Record<PoolKind, EntryPool>
}

/**
 * What all sessions share: HelseID's and Kjernejournal's replay caches are the real services'
 * own, so one client assertion buys one token and one DPoP proof is used once whatever
 * X-Sandbox-Session says (robustness probe, finding 8); and one byte budget for the journals.
 */
export interface SharedSessionState {
  readonly assertionJtis: ReplayGuard
  readonly dpopJtis: ReplayGuard
  readonly journalBudget: JournalBudget
  /** One entry budget per kind of pending-state store (codes, requests, refresh tokens, ...). */
  readonly pools: Record<PoolKind, EntryPool>
  readonly criticalInfoBudget: CriticalInfoBudget
}

export function sharedSessionState (
  journalBudget = new JournalBudget(),
  criticalInfoBudget = new CriticalInfoBudget(),
  poolCaps: Partial<Record<PoolKind, number>> = {}
): SharedSessionState {
  return { assertionJtis: new ReplayGuard(REPLAY_CAP), dpopJtis: new ReplayGuard(REPLAY_CAP), journalBudget, pools: entryPools(poolCaps), criticalInfoBudget }
}

const retireHooks = new WeakMap<Session, Array<() => void>>()

/** Runs `hook` when the session is dropped: stores made beside it give their budget back. */
export function onRetire (session: Session, hook: () => void): void {
  const hooks = retireHooks.get(session) ?? []
  hooks.push(hook)
  retireHooks.set(session, hooks)
}

/** The session is gone (reset, deleted, evicted): what it held leaves the shared budgets. */
export function retireSession (session: Session): void {
  for (const map of [session.codes, session.pushedRequests, session.interactions, session.refreshTokens, session.endedSids]) map.retire()
  session.criticalInfo.retire()
  for (const hook of retireHooks.get(session) ?? []) hook()
  retireHooks.delete(session)
}

export function createSession (id: string, wall?: () => number, shared: SharedSessionState = sharedSessionState()): Session {
  return {
    id,
    clock: createClock(wall),
    assertionJtis: shared.assertionJtis,
    dpopJtis: shared.dpopJtis,
    codes: new ExpiringMap(PENDING_CAP, shared.pools.codes),
    pushedRequests: new ExpiringMap(PENDING_CAP, shared.pools.pushedRequests),
    interactions: new ExpiringMap(PENDING_CAP, shared.pools.interactions),
    refreshTokens: new ExpiringMap(PENDING_CAP * 5, shared.pools.refreshTokens),
    endedSids: new ExpiringMap(PENDING_CAP, shared.pools.endedSids),
    criticalInfo: new CriticalInfoStore(shared.criticalInfoBudget),
    scenarios: new ScenarioRuntime(),
    journal: new RequestJournal(DEFAULT_JOURNAL_CAPACITY, shared.journalBudget),
    coverage: new Coverage(),
    readiness: new SessionReadiness(),
    shared
  }
}
