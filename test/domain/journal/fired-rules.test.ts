/** How the journal words a fired scenario rule's effect, and which firing it marks as applied. */
import t from 'tap'
import type { Firing } from '../../../server/domain/scenarios/engine.js'
import { effectOf, firedRules } from '../../../server/domain/journal/fired-rules.js'

const firing = (outcome: Firing['outcome']): Firing => ({ scenario: 's', rule: 0, outcome })

t.test('every kind of effect has its words', async (t) => {
  t.equal(effectOf(firing({})), 'none')
  t.equal(effectOf(firing({ delayMs: 0 })), 'none', 'a zero delay changes nothing')
  t.equal(effectOf(firing({ delayMs: 250 })), 'delay 250 ms')
  t.equal(effectOf(firing({ action: { kind: 'error', code: 'KJF-000345' } })), 'error KJF-000345')
  t.equal(effectOf(firing({ action: { kind: 'oauthError', code: 'invalid_grant' } })), 'oauthError invalid_grant')
  t.equal(effectOf(firing({ delayMs: 5, action: { kind: 'fault', fault: 'reset', dribbleMs: 2000 } })), 'delay 5 ms, fault reset')
  t.equal(effectOf(firing({ action: { kind: 'override', fields: { ticket: 'x', status: 1 } } })), 'override ticket, status')
})

t.test('only the winner is applied; names and steps are kept when the rule has them', async (t) => {
  const first: Firing = { scenario: 'a', rule: 2, ruleName: 'named', step: 1, outcome: {} }
  const winner: Firing = { scenario: 'b', rule: 0, outcome: { action: { kind: 'error', code: 'KJF-000198' } } }
  t.same(firedRules([first, winner], winner), [
    { scenario: 'a', rule: 2, ruleName: 'named', step: 1, effect: 'none', applied: false },
    { scenario: 'b', rule: 0, effect: 'error KJF-000198', applied: true }
  ])
  t.same(firedRules([first], undefined), [{ scenario: 'a', rule: 2, ruleName: 'named', step: 1, effect: 'none', applied: false }])
})
