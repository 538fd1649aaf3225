/**
 * The sandbox's sessions: made on first use (a CI job just picks a fresh id), cheap to reset and
 * delete, and bounded: past MAX_SESSIONS the least recently used one goes from memory, those
 * holding stored data (DATA_DIR) only after all that hold none. `default` is never evicted.
 * Eviction is not a reset: what a session stored stays stored and comes back on its next use
 * (persistence.ts); only reset and delete, explicit admin calls, throw state away.
 */
import { JournalBudget } from './journal/budget.js'
import { createSession, retireSession, sharedSessionState, type PoolKind, type Session, type SharedSessionState } from './session.js'
import type { CriticalInfoBudget } from './critical-info/budget.js'

export const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/

export class SessionRegistry {
  readonly #sessions = new Map<string, Session>()
  readonly #max: number
  readonly #make: (id: string) => Session
  readonly #discardListeners: Array<(id: string) => void> = []
  readonly #evictListeners: Array<(id: string) => void> = []
  /** Whether a session holds data kept elsewhere (DATA_DIR); such sessions are evicted last. */
  #holdsData: (id: string) => boolean = () => false
  /** One byte budget for the journals of every session. */
  readonly journalBudget: JournalBudget
  /** The budgets every session's stores share: journal bytes, pending entries, critical information. */
  readonly shared: SharedSessionState

  /** `prepare` seeds a new session (critical information, start-up scenarios). */
  constructor (max: number, prepare: (session: Session) => void, wall?: () => number, journalBudget = new JournalBudget(),
    criticalInfoBudget?: CriticalInfoBudget, poolCaps?: Partial<Record<PoolKind, number>>) {
    this.#max = max
    this.journalBudget = journalBudget
    const shared = sharedSessionState(journalBudget, criticalInfoBudget, poolCaps)
    this.shared = shared
    this.#make = (id) => {
      const session = createSession(id, wall, shared)
      prepare(session)
      return session
    }
    this.#sessions.set('default', this.#make('default'))
  }

  get default (): Session {
    return this.#sessions.get('default') as Session
  }

  /** The session with this id, made if new; refreshed as most recently used. */
  get (id: string): Session {
    let session = this.#sessions.get(id)
    if (session !== undefined) {
      if (id !== 'default') {
        this.#sessions.delete(id)
        this.#sessions.set(id, session)
      }
      return session
    }
    session = this.#make(id)
    this.#sessions.set(id, session)
    this.#evict(id)
    return session
  }

  has (id: string): boolean {
    return this.#sessions.has(id)
  }

  /** The session if it exists, without making it or refreshing its place. */
  peek (id: string): Session | undefined {
    return this.#sessions.get(id)
  }

  get size (): number {
    return this.#sessions.size
  }

  /** Called with the id whenever a session's state is thrown away: reset, deleted or evicted. */
  onDiscard (listener: (id: string) => void): void {
    this.#discardListeners.push(listener)
  }

  /** Called with the id of a session evicted from memory under MAX_SESSIONS (not reset). */
  onEvict (listener: (id: string) => void): void {
    this.#evictListeners.push(listener)
  }

  /** Tells eviction which sessions hold stored data, so they go last. */
  protectStored (holdsData: (id: string) => boolean): void {
    this.#holdsData = holdsData
  }

  #discarded (id: string): void {
    for (const listener of this.#discardListeners) listener(id)
  }

  list (): Session[] {
    return [...this.#sessions.values()]
  }

  /** Replaces the session's state with a fresh, seeded one; its id stays. */
  reset (id: string): Session {
    const session = this.#make(id)
    // A session not in memory may still have state kept on disk (DATA_DIR): that goes too.
    if (!this.#retire(id)) this.#discarded(id)
    this.#sessions.set(id, session)
    return session
  }

  resetAll (): void {
    for (const id of [...this.#sessions.keys()]) {
      if (id === 'default') this.reset(id)
      else this.#retire(id)
    }
  }

  /** Deletes a session; `default` can only be reset. */
  delete (id: string): boolean {
    if (id === 'default') {
      this.reset(id)
      return true
    }
    return this.#retire(id)
  }

  /** `newest` is the session just made, about to be used: never the one to go. */
  #evict (newest: string): void {
    // Least recently used first: first those holding nothing stored, then the others.
    for (const storedToo of [false, true]) {
      for (const id of this.#sessions.keys()) {
        if (this.#sessions.size <= this.#max) return
        if (id !== 'default' && id !== newest && (storedToo || !this.#holdsData(id))) this.#retire(id, true)
      }
    }
  }

  /** Drops a session and ends its journal, so live journal streams of it close (and reconnect). */
  #retire (id: string, evicted = false): boolean {
    const session = this.#sessions.get(id)
    if (session === undefined) return false
    this.#sessions.delete(id)
    session.journal.end()
    if (evicted) for (const listener of this.#evictListeners) listener(id)
    else this.#discarded(id)
    // After the listeners: persistence may still read what an evicted session holds.
    retireSession(session)
    return true
  }
}
