/**
 * The scenario state of one session: which scenarios are active (in activation order), each
 * scenario's current state, call counters for `nth` and `sequence`, and the session's own
 * seeded random for `probability` and `delay`, so parallel sessions do not disturb each other's
 * draws. It starts on the session's first request (the start set and seed come from the
 * settings); `clear()` forgets everything, `reset()` goes back to that start.
 */
import { seededRandom, type Random } from '../random.js'
import type { Scenario } from './scenario.js'

export const INITIAL_STATE = 'Started'

export interface RuleCounters {
  /** Calls that matched the rule's other conditions (what `nth` counts). */
  seen: number
  /** Times the rule fired (what `sequence` steps through). */
  fired: number
}

interface ScenarioState {
  /** The definition the state belongs to; a reloaded file starts afresh. */
  definition: Scenario
  state: string
  rules: RuleCounters[]
}

interface Start {
  readonly active: readonly string[]
  readonly seed: number
}

/** FNV-1a: a stable number from the session id, to mix into SEED. */
function hash (text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export function sessionSeed (seed: number, sessionId: string): number {
  return (seed ^ hash(sessionId)) >>> 0
}

export class ScenarioRuntime {
  #start: Start | undefined
  #active: string[] = []
  #states = new Map<string, ScenarioState>()
  #random: Random = seededRandom(0)

  get started (): boolean {
    return this.#start !== undefined
  }

  /** The first call in a session sets it up; later calls do nothing. */
  start (active: readonly string[], seed: number): void {
    if (this.#start !== undefined) return
    this.#start = { active: [...new Set(active)], seed }
    this.reset()
  }

  /** Back to the start: start set active, states Started, counters zero, random re-seeded. */
  reset (): void {
    this.#active = [...(this.#start?.active ?? [])]
    this.#states.clear()
    this.#random = seededRandom(this.#start?.seed ?? 0)
  }

  /** Forgets everything, start included: the next request starts the session again. */
  clear (): void {
    this.#start = undefined
    this.#active = []
    this.#states.clear()
    this.#random = seededRandom(0)
  }

  get random (): Random {
    return this.#random
  }

  active (): readonly string[] {
    return this.#active
  }

  isActive (name: string): boolean {
    return this.#active.includes(name)
  }

  /** False when it already was. */
  activate (name: string): boolean {
    if (this.isActive(name)) return false
    this.#active.push(name)
    return true
  }

  deactivate (name: string): boolean {
    const before = this.#active.length
    this.#active = this.#active.filter((n) => n !== name)
    return this.#active.length !== before
  }

  #entry (scenario: Scenario): ScenarioState {
    let entry = this.#states.get(scenario.name)
    if (entry === undefined || entry.definition !== scenario) {
      entry = { definition: scenario, state: INITIAL_STATE, rules: scenario.rules.map(() => ({ seen: 0, fired: 0 })) }
      this.#states.set(scenario.name, entry)
    }
    return entry
  }

  stateOf (scenario: Scenario): string {
    return this.#entry(scenario).state
  }

  setState (scenario: Scenario, state: string): void {
    this.#entry(scenario).state = state
  }

  counters (scenario: Scenario, rule: number): RuleCounters {
    return this.#entry(scenario).rules[rule] as RuleCounters
  }
}
