/** /__admin/scenarios: listing, activation, state, reset, and scenarios added at run time. */
import t from 'tap'
import { build } from '../helper.js'
import { ping } from '../support/kj.js'

const SEQUENCE = {
  name: 'two-step',
  description: 'fails, then in state broken always',
  rules: [
    { when: { face: 'kjernejournal', state: 'broken' }, then: { error: 'KJX-000003' } },
    { when: { face: 'kjernejournal' }, then: { sequence: ['KJS-000077', 'ok'] } }
  ]
}

t.test('GET lists loaded scenarios with this session\'s activation and state', async (t) => {
  const app = await build(t, { SCENARIOS: 'slow-network' })
  const res = await app.inject({ url: '/__admin/scenarios' })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(body.active, ['slow-network'])
  t.same(body.errors, [])
  t.match(body.scenarios.find((s: { name: string }) => s.name === 'slow-network'), { name: 'slow-network', file: 'slow-network.yaml', rules: 1, active: true, state: 'Started', description: /800 ms/ })
  t.match(body.scenarios.find((s: { name: string }) => s.name === 'kafka-trouble'), { active: false })
  const one = await app.inject({ url: '/__admin/scenarios/kafka-trouble' })
  t.match(one.json(), { name: 'kafka-trouble', definition: { rules: [{ then: { error: 'KI-0004' } }] } })
  t.equal((await app.inject({ url: '/__admin/scenarios/nope' })).statusCode, 404)
})

t.test('activate, deactivate, state, reset', async (t) => {
  const app = await build(t)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: SEQUENCE })).statusCode, 201)
  t.equal((await ping(app)).statusCode, 200, 'added, not active')

  const on = await app.inject({ method: 'POST', url: '/__admin/scenarios/two-step/activate' })
  t.match(on.json(), { name: 'two-step', active: true, state: 'Started', file: null, rules: 2 })
  t.equal((await ping(app)).json().feilkode, 'KJS-000077')
  t.equal((await ping(app)).statusCode, 200)

  const state = await app.inject({ method: 'PUT', url: '/__admin/scenarios/two-step/state', payload: { state: 'broken' } })
  t.match(state.json(), { state: 'broken' })
  t.equal((await ping(app)).json().feilkode, 'KJX-000003')
  const badState = await app.inject({ method: 'PUT', url: '/__admin/scenarios/two-step/state', payload: { state: '' } })
  t.equal(badState.statusCode, 400)
  t.equal(badState.json().error, 'invalid_request')
  t.equal((await app.inject({ method: 'PUT', url: '/__admin/scenarios/nope/state', payload: { state: 'x' } })).statusCode, 404)

  const off = await app.inject({ method: 'POST', url: '/__admin/scenarios/two-step/deactivate' })
  t.match(off.json(), { active: false, state: 'broken' }, 'state stays')
  t.equal((await ping(app)).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios/nope/activate' })).statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios/nope/deactivate' })).statusCode, 404)

  await app.inject({ method: 'POST', url: '/__admin/scenarios/two-step/activate' })
  const reset = await app.inject({ method: 'POST', url: '/__admin/scenarios/reset' })
  t.same(reset.json().active, [], 'back to the start set')
  t.match(reset.json().scenarios.find((s: { name: string }) => s.name === 'two-step'), { state: 'Started', active: false })
  await app.inject({ method: 'POST', url: '/__admin/scenarios/two-step/activate' })
  t.equal((await ping(app)).json().feilkode, 'KJS-000077', 'counters are zero again')
})

t.test('reset keeps the start set active', async (t) => {
  const app = await build(t, { SCENARIOS: 'flaky-helseindikator' })
  await app.inject({ method: 'POST', url: '/__admin/scenarios/flaky-helseindikator/deactivate' })
  await app.inject({ method: 'POST', url: '/__admin/scenarios/kafka-trouble/activate' })
  t.same((await app.inject({ method: 'POST', url: '/__admin/scenarios/reset' })).json().active, ['flaky-helseindikator'])
})

t.test('POST /scenarios validates, names each field, replaces its own, refuses file names', async (t) => {
  const app = await build(t)
  const bad = await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: { name: 'bad', rules: [{ then: { error: 'KJF-1' } }] } })
  t.equal(bad.statusCode, 400)
  t.same(bad.json(), { error: 'invalid_scenario', message: "rules[0].then.error: unknown catalogue code 'KJF-1'", details: [{ field: 'rules[0].then.error', message: "unknown catalogue code 'KJF-1'" }] })
  const nameless = await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: { rules: [{ then: { delay: 1 } }] } })
  t.match(nameless.json(), { error: 'invalid_scenario', message: 'name: required' })
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: SEQUENCE })).statusCode, 201)
  const again = await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: SEQUENCE })
  t.equal(again.statusCode, 200, 'replaced')
  t.equal(again.headers.location, '/__admin/scenarios/two-step')
  const taken = await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: { ...SEQUENCE, name: 'slow-network' } })
  t.equal(taken.statusCode, 409)
  t.match(taken.json(), { error: 'conflict', message: /slow-network.yaml/ })
})
