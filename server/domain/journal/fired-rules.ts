/**
 * Which scenario rules fired on a request, as the journal shows them: when an answer is not what
 * the real service would give, the entry says which scenario and rule made it so, and whether that
 * firing is the one that changed the answer (of several that fire, only the first that changes
 * it applies; the rest only moved their counters and state).
 */
import type { Action, Firing } from '../scenarios/engine.js'
import type { FiredRule } from './entry.js'

function actionText (action: Action): string {
  switch (action.kind) {
    case 'error': return `error ${action.code}`
    case 'oauthError': return `oauthError ${action.code}`
    case 'fault': return `fault ${action.fault}`
    case 'override': return `override ${Object.keys(action.fields).join(', ')}`
  }
}

/** `error KJF-000345`, `delay 250 ms, fault reset`, ... or `none` (the rule only moved state or counters). */
export function effectOf (firing: Firing): string {
  const { delayMs, action } = firing.outcome
  const parts = [
    ...(delayMs !== undefined && delayMs > 0 ? [`delay ${delayMs} ms`] : []),
    ...(action !== undefined ? [actionText(action)] : [])
  ]
  return parts.length === 0 ? 'none' : parts.join(', ')
}

/** The journal's record of the firings; `applied` marks the winner, whose effect the answer shows. */
export function firedRules (fired: readonly Firing[], winner: Firing | undefined): FiredRule[] {
  return fired.map((f) => ({
    scenario: f.scenario,
    rule: f.rule,
    ...(f.ruleName !== undefined && { ruleName: f.ruleName }),
    ...(f.step !== undefined && { step: f.step }),
    effect: effectOf(f),
    applied: f === winner
  }))
}
