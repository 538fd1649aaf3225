import t from 'tap'
import { INITIAL_STATE, ScenarioRuntime, sessionSeed } from '../../../server/domain/scenarios/runtime.js'
import { parseScenario } from '../../../server/domain/scenarios/scenario.js'

const a = parseScenario({ rules: [{ then: { delay: 1 } }, { then: { delay: 2 } }] }, 'a')

t.test('starts once with the start set; activation keeps order', async (t) => {
  const r = new ScenarioRuntime()
  t.notOk(r.started)
  r.start(['x', 'y', 'x'], 1)
  t.ok(r.started)
  r.start(['z'], 2)
  t.same(r.active(), ['x', 'y'], 'later starts do nothing; duplicates dropped')
  t.ok(r.activate('z'))
  t.notOk(r.activate('x'), 'already active')
  t.same(r.active(), ['x', 'y', 'z'])
  t.ok(r.deactivate('x'))
  t.notOk(r.deactivate('x'))
  t.same(r.active(), ['y', 'z'])
  t.ok(r.isActive('z'))
})

t.test('state and counters; reset goes back to the start, clear forgets it', async (t) => {
  const r = new ScenarioRuntime()
  r.start(['a'], 5)
  t.equal(r.stateOf(a), INITIAL_STATE)
  r.setState(a, 'x')
  r.counters(a, 1).fired = 3
  const first = r.random.next()
  r.deactivate('a')
  r.activate('b')
  r.reset()
  t.equal(r.stateOf(a), 'Started')
  t.same(r.counters(a, 1), { seen: 0, fired: 0 })
  t.same(r.active(), ['a'])
  t.equal(r.random.next(), first, 'the random starts over')
  r.clear()
  t.notOk(r.started)
  t.same(r.active(), [])
})

t.test('a changed definition starts afresh', async (t) => {
  const r = new ScenarioRuntime()
  r.start([], 1)
  r.setState(a, 'x')
  t.equal(r.stateOf(a), 'x')
  const edited = parseScenario({ rules: [{ then: { delay: 3 } }] }, 'a')
  t.equal(r.stateOf(edited), 'Started')
  t.same(r.counters(edited, 0), { seen: 0, fired: 0 })
})

t.test('each session has its own seed', async (t) => {
  t.not(sessionSeed(1, 'default'), sessionSeed(1, 'ci-42'))
  t.not(sessionSeed(1, 'default'), sessionSeed(2, 'default'))
  t.equal(sessionSeed(1, 'ci-42'), sessionSeed(1, 'ci-42'))
})
