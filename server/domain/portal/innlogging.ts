/**
 * Kjernejournal Innlogging (reference §4.2): an EHR creates a portal session for a patient with
 * a DPoP-bound user token and a PKCE challenge, gets a one-time `code`, and opens the portal with
 * the code and the verifier. Sessions are kept alive with refresh and closed with end. State is
 * per sandbox session, bounded, and timed by the sandbox clock, so QA can expire a code or a
 * session by moving the clock.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { ExpiringMap } from '../expiring-map.js'
import { KjError } from '../kj-error.js'
import type { EntryPool } from '../entry-pool.js'
import { onRetire, type Session } from '../session.js'

export type AccessBasis = 'SAMTYKKE' | 'AKUTT' | 'UNNTAK'

export interface PortalSession {
  readonly id: string
  readonly clientId: string
  readonly pid: string
  readonly hprNumber?: string
  readonly nin: string
  readonly orgnr: string
  /** The HPR role the user acts in (practitioner_authorization). */
  readonly role: string
  readonly accessBasis: AccessBasis
  /** The DPoP key the session was created with (cnf.jkt of the token). */
  readonly jkt: string
  /** Sandbox milliseconds. */
  expiresAt: number
  ended: boolean
}

interface PendingCode {
  readonly sessionId: string
  readonly challenge: string
  /** Sandbox milliseconds; the entry is kept a while longer so an expired code says so (AUT_002). */
  readonly expiresAt: number
}

export interface InnloggingLimits {
  readonly codeLifetimeSeconds: number
  readonly sessionLifetimeSeconds: number
}

/** Far above what a test run creates; a runaway client loses its oldest entries first. */
export const MAX_CODES = 10_000
export const MAX_SESSIONS = 10_000
/** How long an expired or used code is remembered, so it answers AUT_002 / AUT_119 rather than "unknown". */
const REMEMBER_MS = 10 * 60_000

export function codeChallengeOf (verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

/** RFC 7636: 43-128 characters of [A-Za-z0-9-._~]. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/

export class InnloggingState {
  readonly #codes: ExpiringMap<string, PendingCode | 'used'>
  readonly #sessions: ExpiringMap<string, PortalSession>

  /** The pools bound codes and portal sessions across all sandbox sessions; tests may go without. */
  constructor (pools: { codes?: EntryPool, sessions?: EntryPool } = {}) {
    this.#codes = new ExpiringMap(MAX_CODES, pools.codes)
    this.#sessions = new ExpiringMap(MAX_SESSIONS, pools.sessions)
  }

  /** The sandbox session is gone: its entries leave the shared pools. */
  retire (): void {
    this.#codes.retire()
    this.#sessions.retire()
  }

  get sessionCount (): number {
    return this.#sessions.size
  }

  create (draft: Omit<PortalSession, 'id' | 'expiresAt' | 'ended'>, challenge: string, limits: InnloggingLimits, now: number): { code: string, session: PortalSession } {
    const session: PortalSession = { ...draft, id: randomUUID(), expiresAt: now + limits.sessionLifetimeSeconds * 1000, ended: false }
    this.#sessions.set(session.id, session, session.expiresAt + REMEMBER_MS, now)
    const code = randomBytes(32).toString('base64url')
    const expiresAt = now + limits.codeLifetimeSeconds * 1000
    this.#codes.set(code, { sessionId: session.id, challenge, expiresAt }, expiresAt + REMEMBER_MS, now)
    return { code, session }
  }

  /**
   * The session a code opens. A code works once, and only with the verifier of its challenge;
   * any attempt uses it up, as an authorization code is, so a guessed verifier gets one try.
   */
  redeem (code: string | undefined, verifier: string | undefined, now: number): PortalSession {
    if (code === undefined || code === '') throw new KjError('AUT_105', 'hentpasient.html needs ?code=...&ehr_code_verifier=... or ?ticket=...')
    const pending = this.#codes.get(code, now)
    if (pending === undefined) throw new KjError('AUT_119', 'the code is not one /api/session/create issued (or it is long gone)')
    if (pending === 'used') throw new KjError('AUT_119', 'the code was already used; a code opens the portal once')
    this.#codes.set(code, 'used', now + REMEMBER_MS, now)
    if (pending.expiresAt <= now) throw new KjError('AUT_002', `the code expired ${Math.round((now - pending.expiresAt) / 1000)} seconds ago; create a new session`)
    if (verifier === undefined || verifier === '') throw new KjError('AUT_119', 'ehr_code_verifier is missing')
    if (!VERIFIER.test(verifier) || codeChallengeOf(verifier) !== pending.challenge) {
      throw new KjError('AUT_119', 'ehr_code_verifier does not match the ehr_code_challenge the session was created with (S256)')
    }
    return this.live(pending.sessionId, now, 'page')
  }

  /**
   * A session that exists, has not ended and has not expired. The portal page answers in AUT
   * codes (ended AUT_119, expired AUT_002); the API answers KJF-000229, no such session.
   */
  live (id: string, now: number, face: 'page' | 'api'): PortalSession {
    const session = this.#sessions.get(id, now)
    const fail = (pageCode: 'AUT_119' | 'AUT_002', why: string): KjError => new KjError(face === 'page' ? pageCode : 'KJF-000229', why)
    if (session === undefined) throw fail('AUT_119', `no Kjernejournal Innlogging session ${id}`)
    if (session.ended) throw fail('AUT_119', `session ${id} has ended`)
    if (session.expiresAt <= now) throw fail('AUT_002', `session ${id} expired ${Math.round((now - session.expiresAt) / 1000)} seconds ago`)
    return session
  }

  /** The session of the caller (same user, same client), or KJF-000229 / KJF-000177. */
  owned (id: string, caller: { pid: string, clientId: string }, now: number): PortalSession {
    const session = this.live(id, now, 'api')
    if (session.pid !== caller.pid || session.clientId !== caller.clientId) {
      throw new KjError('KJF-000177', `session ${id} belongs to another user or client`)
    }
    return session
  }

  refresh (id: string, caller: { pid: string, clientId: string }, limits: InnloggingLimits, now: number): PortalSession {
    const session = this.owned(id, caller, now)
    session.expiresAt = now + limits.sessionLifetimeSeconds * 1000
    this.#sessions.set(session.id, session, session.expiresAt + REMEMBER_MS, now)
    return session
  }

  end (id: string, caller: { pid: string, clientId: string }, now: number): PortalSession {
    const session = this.owned(id, caller, now)
    session.ended = true
    return session
  }
}

const states = new WeakMap<Session, InnloggingState>()

/** The Innlogging state of a sandbox session; a reset session gets a fresh one. */
export function innloggingOf (session: Session): InnloggingState {
  let state = states.get(session)
  if (state === undefined) {
    const made = new InnloggingState({ codes: session.shared.pools.portalCodes, sessions: session.shared.pools.portalSessions })
    states.set(session, made)
    onRetire(session, () => { made.retire() })
    state = made
  }
  return state
}
