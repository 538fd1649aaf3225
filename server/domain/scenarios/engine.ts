/**
 * Runs a request past the session's active scenarios. In each scenario the rules are tried in
 * file order and the first that matches fires (its counters move, `nextState` applies); of the
 * scenarios, in activation order, the first whose firing changes the answer wins. Pure: the
 * plugin turns the outcome into a thrown error, a wait, a broken connection or a changed body.
 */
import type { ErrorCode } from '../error-catalogue.js'
import type { OAuthErrorCode } from '../helseid/oauth-error.js'
import { drawDelay } from './delay.js'
import type { RequestFacts } from './facts.js'
import { nthHolds, whenHolds } from './match.js'
import type { ScenarioRuntime } from './runtime.js'
import type { CompiledRule, Scenario } from './scenario.js'
import type { Fault, StepObject, Then } from './schema.js'

export const DEFAULT_DRIBBLE_MS = 2000

export type Action =
  | { readonly kind: 'error', readonly code: ErrorCode, readonly diagnostics?: string, readonly location?: readonly string[] }
  | { readonly kind: 'oauthError', readonly code: OAuthErrorCode, readonly description?: string, readonly status?: number }
  | { readonly kind: 'fault', readonly fault: Fault, readonly dribbleMs: number }
  | { readonly kind: 'override', readonly fields: Readonly<Record<string, unknown>> }

export interface Outcome {
  readonly delayMs?: number
  readonly action?: Action
}

export interface Firing {
  readonly scenario: string
  readonly rule: number
  readonly ruleName?: string
  /** The sequence step that was used (0-based), for rules with a sequence. */
  readonly step?: number
  readonly outcome: Outcome
}

/** The step for the nth firing (0-based): the last step repeats. */
export function stepFor (then: Then, firing: number): StepObject {
  const { sequence, ...rest } = then
  if (sequence === undefined) return rest
  const step = sequence[Math.min(firing, sequence.length - 1)]!
  const own: StepObject = step === 'ok' ? {} : typeof step === 'string' ? { error: step } : step
  // The rule's delay and nextState hold for every step that does not say otherwise.
  return { ...(rest.delay !== undefined && { delay: rest.delay }), ...(rest.nextState !== undefined && { nextState: rest.nextState }), ...own }
}

function actionOf (step: StepObject): Action | undefined {
  if (step.error !== undefined) {
    return { kind: 'error', code: step.error, ...(step.diagnostics !== undefined && { diagnostics: step.diagnostics }), ...(step.location !== undefined && { location: step.location }) }
  }
  if (step.oauthError !== undefined) {
    return { kind: 'oauthError', code: step.oauthError, ...(step.description !== undefined && { description: step.description }), ...(step.status !== undefined && { status: step.status }) }
  }
  if (step.fault !== undefined) return { kind: 'fault', fault: step.fault, dribbleMs: step.dribbleMs ?? DEFAULT_DRIBBLE_MS }
  if (step.override !== undefined) return { kind: 'override', fields: step.override }
  return undefined
}

export function changesAnswer (outcome: Outcome): boolean {
  return outcome.action !== undefined || (outcome.delayMs ?? 0) > 0
}

function fireRule (scenario: Scenario, rule: CompiledRule, runtime: ScenarioRuntime): Firing {
  const counters = runtime.counters(scenario, rule.index)
  const index = counters.fired++
  const step = stepFor(rule.rule.then, index)
  const action = actionOf(step)
  const outcome: Outcome = {
    ...(step.delay !== undefined && { delayMs: drawDelay(step.delay, runtime.random) }),
    ...(action !== undefined && { action })
  }
  if (step.nextState !== undefined) runtime.setState(scenario, step.nextState)
  return {
    scenario: scenario.name,
    rule: rule.index,
    ...(rule.rule.name !== undefined && { ruleName: rule.rule.name }),
    ...(rule.rule.then.sequence !== undefined && { step: Math.min(index, rule.rule.then.sequence.length - 1) }),
    outcome
  }
}

/** The first rule of the scenario that matches, fired; undefined when none does. */
export function fireScenario (scenario: Scenario, facts: RequestFacts, runtime: ScenarioRuntime): Firing | undefined {
  const state = runtime.stateOf(scenario)
  for (const rule of scenario.rules) {
    if (!whenHolds(rule, facts, state)) continue
    const when = rule.rule.when ?? {}
    const counters = runtime.counters(scenario, rule.index)
    counters.seen++
    if (!nthHolds(when.nth, counters.seen)) continue
    if (when.probability !== undefined && !(runtime.random.next() < when.probability)) continue
    return fireRule(scenario, rule, runtime)
  }
  return undefined
}

/** Every active scenario gets the request; the first firing that changes the answer wins. */
export function evaluate (scenarios: readonly Scenario[], facts: RequestFacts, runtime: ScenarioRuntime): { winner?: Firing, fired: Firing[] } {
  const fired: Firing[] = []
  for (const scenario of scenarios) {
    const firing = fireScenario(scenario, facts, runtime)
    if (firing !== undefined) fired.push(firing)
  }
  const winner = fired.find((f) => changesAnswer(f.outcome))
  return { ...(winner !== undefined && { winner }), fired }
}
