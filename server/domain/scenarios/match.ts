/**
 * Whether a rule's `when` holds for a request, apart from `nth` and `probability`, which need
 * the session's counters and random (engine.ts). Every given condition must hold; a list means
 * any of its values.
 */
import { scenarioNameOf } from '../faces.js'
import type { RequestFacts } from './facts.js'
import type { CompiledRule } from './scenario.js'
import type { When } from './schema.js'

function list<T> (value: T | readonly T[] | undefined): readonly T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value as T]
}

function anyOf (wanted: readonly string[] | undefined, have: readonly string[]): boolean {
  return wanted === undefined || wanted.some((w) => have.includes(w))
}

/** Values compare as JSON: key order does not matter. */
export function jsonEqual (a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** `a.b.0.c` into the body; arrays are indexed by number. */
export function valueAt (value: unknown, dotted: string): unknown {
  let at = value
  for (const key of dotted.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined
    at = (at as Record<string, unknown>)[key]
  }
  return at
}

function headersHold (wanted: When['header'], facts: RequestFacts): boolean {
  for (const [name, value] of Object.entries(wanted ?? {})) {
    const raw = facts.headers[name.toLowerCase()]
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
    const holds = value === true ? values.length > 0 : value === false ? values.length === 0 : values.some((v) => list(value)?.includes(v))
    if (!holds) return false
  }
  return true
}

function bodyHolds (wanted: When['body'], facts: RequestFacts): boolean {
  return Object.entries(wanted ?? {}).every(([path, value]) => jsonEqual(valueAt(facts.body, path), value))
}

function faceHolds (rule: CompiledRule, facts: RequestFacts): boolean {
  const faces = list(rule.rule.when?.face)
  // Admin is for controlling the sandbox: only rules that name it reach it.
  if (faces === undefined ? facts.face === 'admin' : !(faces as readonly string[]).includes(scenarioNameOf(facts.face))) return false
  if (rule.helseid === 'only') return facts.face === 'helseid'
  if (rule.helseid === 'never') return facts.face !== 'helseid'
  return true
}

export function whenHolds (rule: CompiledRule, facts: RequestFacts, state: string): boolean {
  const when = rule.rule.when ?? {}
  return faceHolds(rule, facts) &&
    anyOf(list(when.state), [state]) &&
    anyOf(list(when.method)?.map((m) => m.toUpperCase()), [facts.method]) &&
    (rule.path === undefined || rule.path(facts.path)) &&
    anyOf(list(when.patient), facts.patients) &&
    anyOf(list(when.user), facts.users) &&
    anyOf(list(when.clientId), facts.clientIds) &&
    anyOf(list(when.organisation), facts.organisations) &&
    headersHold(when.header, facts) &&
    bodyHolds(when.body, facts)
}

/** `nth: 3` holds on the third matching call only; `nth: {every: 2}` on the 2nd, 4th, ... */
export function nthHolds (nth: When['nth'], count: number): boolean {
  if (nth === undefined) return true
  return typeof nth === 'number' ? count === nth : count % nth.every === 0
}
