/**
 * Issue 18, items 1 and 2: no pattern stalls the event loop. The journal's `path` glob and a
 * scenario's `when.path` glob or regular expression used to backtrack for seconds to minutes on
 * a path of 80-200 characters (robustness probe, findings 1 and 2).
 */
import t from 'tap'
import fc from 'fast-check'
import { globMatcher } from '../../../server/domain/glob.js'
import { build } from '../../helper.js'

/** Generous for a loaded 2-core machine; the old matcher needed 21 s to over 60 s. */
const BOUND_MS = 2000
const HOSTILE_GLOB = '*a*a*a*a*a*a*b'

t.test('a journal query with a backtracking glob answers at once', async (t) => {
  const app = await build(t)
  const path = `/${'a'.repeat(200)}`
  await app.inject({ url: `/s/redos${path}` })
  const started = performance.now()
  const res = await app.inject({ url: `/s/redos/__admin/requests?path=${encodeURIComponent(HOSTILE_GLOB)}` })
  const elapsed = performance.now() - started
  t.equal(res.statusCode, 200)
  t.equal(res.json().total, 0)
  t.ok(elapsed < BOUND_MS, `answered in ${Math.round(elapsed)} ms`)
  const hit = await app.inject({ url: `/s/redos/__admin/requests?path=${encodeURIComponent('*a*a*a*a*a*a*')}` })
  t.equal(hit.json().total, 1, 'a glob that matches still matches')
})

t.test('a scenario glob or regular expression cannot stall a request that triggers it', async (t) => {
  const app = await build(t)
  for (const [name, path] of [['glob', HOSTILE_GLOB], ['nested', '/^\\/(a+)+b$/'], ['alternation', '/^\\/(a|a)*b$/']]) {
    const added = await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: { name, rules: [{ when: { path }, then: { error: 'KJF-000198' } }] } })
    t.equal(added.statusCode, 201, name)
    const started = performance.now()
    const res = await app.inject({ url: `/s/redos/${'a'.repeat(80)}`, headers: { 'x-sandbox-scenario': name } })
    const elapsed = performance.now() - started
    t.equal(res.statusCode, 404, `${name}: no rule fired`)
    t.ok(elapsed < BOUND_MS, `${name}: answered in ${Math.round(elapsed)} ms`)
  }
})

t.test('the bounded glob matcher agrees with the regular expression it replaced', async (t) => {
  const escape = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  const alphabet = fc.constantFrom('a', 'b', '/', '*', '.')
  fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '*'), maxLength: 10 }), fc.boolean(), (glob, value, ignoreCase) => {
    const old = new RegExp(`^${glob.split('*').map(escape).join('.*')}$`, ignoreCase ? 'i' : '')
    return globMatcher(glob, { ignoreCase })(ignoreCase ? value.toUpperCase() : value) === old.test(ignoreCase ? value.toUpperCase() : value)
  }), { numRuns: 2000 })
  t.pass('2000 glob/value pairs agree')
})
