import t from 'tap'
import { evaluate, fireScenario, stepFor } from '../../../server/domain/scenarios/engine.js'
import { requestFacts } from '../../../server/domain/scenarios/facts.js'
import { ScenarioRuntime } from '../../../server/domain/scenarios/runtime.js'
import { parseScenario, type Scenario } from '../../../server/domain/scenarios/scenario.js'
import { thenSchema } from '../../../server/domain/scenarios/schema.js'

const ping = requestFacts({ url: '/v1/ping', method: 'GET', headers: {}, body: undefined })
const helseindikator = requestFacts({ url: '/v1/helseindikator', method: 'POST', headers: {}, body: '{"fnr":"1"}' })

function runtime (...active: string[]): ScenarioRuntime {
  const r = new ScenarioRuntime()
  r.start(active, 42)
  return r
}

/** The error code (or 'ok') of each of `n` calls. */
function codes (definition: Record<string, unknown> | Scenario, n: number, facts = ping, r = runtime()): string[] {
  const s = 'rules' in definition && 'definition' in definition ? definition as Scenario : parseScenario(definition, 's')
  return Array.from({ length: n }, () => {
    const action = fireScenario(s, facts, r)?.outcome.action
    return action?.kind === 'error' ? action.code : action?.kind ?? 'ok'
  })
}

t.test('the first matching rule fires', async (t) => {
  t.same(codes({ rules: [{ when: { path: '/x' }, then: { error: 'KJF-000011' } }, { then: { error: 'KJF-000013' } }, { then: { error: 'KJF-000014' } }] }, 1), ['KJF-000013'])
})

t.test('sequence: steps over firings, the last repeats', async (t) => {
  t.same(codes({ rules: [{ then: { sequence: ['KJS-000077', 'ok'] } }] }, 4), ['KJS-000077', 'ok', 'ok', 'ok'])
  t.same(codes({ rules: [{ then: { sequence: ['ok', 'ok', { error: 'KJF-000015' }] } }] }, 4), ['ok', 'ok', 'KJF-000015', 'KJF-000015'])
  t.same(codes({ rules: [{ then: { sequence: [{ fault: 'reset' }, { override: { a: 1 } }] } }] }, 3), ['fault', 'override', 'override'])
})

t.test('stepFor: the rule\'s delay and nextState hold for steps that do not say otherwise', async (t) => {
  const then = thenSchema.parse({ delay: 5, nextState: 'a', sequence: ['ok', { error: 'KJS-000077', nextState: 'b', delay: 1 }] })
  t.same(stepFor(then, 0), { delay: 5, nextState: 'a' })
  t.same(stepFor(then, 1), { delay: 1, nextState: 'b', error: 'KJS-000077' })
  t.same(stepFor(then, 9), stepFor(then, 1))
  t.same(stepFor(thenSchema.parse({ error: 'KJS-000077' }), 3), { error: 'KJS-000077' })
})

t.test('nth counts the calls that meet the rest of the rule', async (t) => {
  const rules = [{ when: { path: '/v1/ping', nth: 2 }, then: { error: 'KJS-000077' } }]
  const r = runtime()
  const s = parseScenario({ rules }, 's')
  const fire = (facts = ping) => fireScenario(s, facts, r)?.outcome.action !== undefined
  t.same([fire(), fire(helseindikator), fire(), fire()], [false, false, true, false], 'other paths do not count')
  t.same(codes({ rules: [{ when: { nth: { every: 3 } }, then: { error: 'KJS-000077' } }] }, 6), ['ok', 'ok', 'KJS-000077', 'ok', 'ok', 'KJS-000077'])
})

t.test('state: rules move the scenario along', async (t) => {
  const definition = {
    rules: [
      { when: { face: 'kjernejournal', path: '/v1/ping', state: 'Started' }, then: { nextState: 'one' } },
      { when: { path: '/v1/ping', state: 'one' }, then: { nextState: 'broken' } },
      { when: { path: '/v1/ping', state: 'broken' }, then: { error: 'KJF-000015' } },
      { when: { path: '/v1/helseindikator', state: 'broken' }, then: { nextState: 'Started' } }
    ]
  }
  const r = runtime()
  const s = parseScenario(definition, 's')
  t.same(codes(s, 4, ping, r), ['ok', 'ok', 'KJF-000015', 'KJF-000015'])
  t.equal(r.stateOf(s), 'broken')
  t.equal(fireScenario(s, helseindikator, r)?.rule, 3)
  t.equal(r.stateOf(s), 'Started')
  t.same(codes(s, 3, ping, r), ['ok', 'ok', 'KJF-000015'])
})

t.test('probability: seeded, so the same session seed repeats the draws', async (t) => {
  const definition = { rules: [{ when: { probability: 0.5 }, then: { error: 'KJX-000003' } }] }
  const first = codes(definition, 40)
  t.same(codes(definition, 40), first, 'same seed, same draws')
  const hits = first.filter((c) => c !== 'ok').length
  t.ok(hits > 8 && hits < 32, `about half fire (${hits} of 40)`)
  const other = new ScenarioRuntime()
  other.start([], 43)
  t.not(codes(definition, 40, ping, other).join(), first.join(), 'another seed, other draws')
  t.same(codes({ rules: [{ when: { probability: 0 }, then: { error: 'KJX-000003' } }] }, 10).filter((c) => c !== 'ok'), [])
  t.equal(codes({ rules: [{ when: { probability: 1 }, then: { error: 'KJX-000003' } }] }, 10).filter((c) => c !== 'ok').length, 10)
})

t.test('outcome: delay drawn, error with diagnostics and location, OAuth, fault, override', async (t) => {
  const r = runtime()
  const fire = (then: Record<string, unknown>, facts = ping) => fireScenario(parseScenario({ rules: [{ then }] }, 's'), facts, r)?.outcome
  t.same(fire({ delay: 250 }), { delayMs: 250 })
  t.same(fire({ error: 'KJF-000198', diagnostics: 'd', location: ['a'] }), { action: { kind: 'error', code: 'KJF-000198', diagnostics: 'd', location: ['a'] } })
  const token = requestFacts({ url: '/connect/token', method: 'POST', headers: {}, body: {} })
  t.same(fire({ oauthError: 'server_error', description: 'x', status: 503 }, token), { action: { kind: 'oauthError', code: 'server_error', description: 'x', status: 503 } })
  t.same(fire({ fault: 'dribble' }), { action: { kind: 'fault', fault: 'dribble', dribbleMs: 2000 } })
  t.same(fire({ override: { status: 0 } }), { action: { kind: 'override', fields: { status: 0 } } })
})

t.test('every active scenario fires; the first that changes the answer wins', async (t) => {
  const quiet = parseScenario({ rules: [{ then: { nextState: 'seen' } }] }, 'quiet')
  const slow = parseScenario({ rules: [{ then: { delay: 100 } }] }, 'slow')
  const broken = parseScenario({ rules: [{ then: { error: 'KJS-000077' } }] }, 'broken')
  const r = runtime()
  const { winner, fired } = evaluate([quiet, slow, broken], ping, r)
  t.equal(winner?.scenario, 'slow')
  t.same(fired.map((f) => f.scenario), ['quiet', 'slow', 'broken'])
  t.equal(r.stateOf(quiet), 'seen', 'a firing without effect still moves its state')
  t.equal(evaluate([broken, slow], ping, r).winner?.scenario, 'broken')
  t.same(evaluate([quiet], ping, r), { fired: [{ scenario: 'quiet', rule: 0, outcome: {} }] })
})
