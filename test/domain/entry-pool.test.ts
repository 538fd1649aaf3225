/** The cross-session entry pool: oldest of any store first, and counts that stay true. */
import t from 'tap'
import { EntryPool } from '../../server/domain/entry-pool.js'
import { ExpiringMap } from '../../server/domain/expiring-map.js'
import { CriticalInfoBudget } from '../../server/domain/critical-info/budget.js'
import { CriticalInfoStore } from '../../server/domain/critical-info/store.js'
import { sampleResource } from '../../server/domain/critical-info/samples.js'

t.test('past the pool the oldest entry of any map goes; each map keeps its own cap', async (t) => {
  const pool = new EntryPool(3)
  const a = new ExpiringMap<string, number>(10, pool)
  const b = new ExpiringMap<string, number>(10, pool)
  a.set('a1', 1, 100, 0)
  b.set('b1', 1, 100, 0)
  a.set('a2', 2, 100, 0)
  b.set('b2', 2, 100, 0)
  t.equal(pool.size, 3)
  t.equal(a.get('a1', 1), undefined, 'the oldest of all went')
  t.equal(b.get('b1', 1), 1)
  t.equal(a.take('a2', 1), 2)
  t.equal(pool.size, 2, 'a taken entry leaves the pool')
  a.set('a3', 3, 100, 0)
  a.set('a4', 4, 100, 0)
  t.equal(b.get('b1', 1), undefined, 'b1 is now the oldest')
  t.same([a.size, b.size, pool.size], [2, 1, 3])
})

t.test('an entry set again under its key is charged anew; expired and cleared entries are released', async (t) => {
  const pool = new EntryPool(2)
  const a = new ExpiringMap<string, number>(10, pool)
  a.set('k', 1, 100, 0)
  a.set('k', 2, 100, 0)
  a.set('j', 3, 100, 0)
  t.equal(a.get('k', 1), 2, 'the stale charge of the first k does not evict the second')
  t.equal(pool.size, 2)
  t.equal(a.get('j', 200), undefined)
  t.equal(pool.size, 1, 'an expired entry found on read is released')
  a.values(300)
  t.equal(pool.size, 0)
  a.set('x', 1, 100, 0)
  a.clear()
  t.equal(pool.size, 0)
  const b = new ExpiringMap<string, number>(10, pool)
  b.set('y', 1, 100, 0)
  b.retire()
  b.set('z', 1, 100, 0)
  t.equal(pool.size, 0, 'a retired map charges nothing any more')
  t.equal(b.get('z', 1), 1)
  t.throws(() => new EntryPool(0), RangeError)
})

t.test('the queue stays near the live entries under churn', async (t) => {
  const pool = new EntryPool(5)
  const a = new ExpiringMap<number, number>(100, pool)
  for (let i = 0; i < 10_000; i++) {
    a.set(i, i, 1000, 0)
    a.take(i, 0)
  }
  t.equal(pool.size, 0)
  for (let i = 0; i < 20; i++) a.set(i, i, 1000, 0)
  t.equal(a.size, 5)
})

t.test('critical information: writes past the shared budget are KI-0016, seeding is not refused', async (t) => {
  const resource = sampleResource('KjConditionInfection', '24868510168')
  const bytes = JSON.stringify(resource).length
  const budget = new CriticalInfoBudget(bytes * 3)
  const one = new CriticalInfoStore(budget)
  const two = new CriticalInfoStore(budget)
  one.create(resource, '24868510168', 'KjConditionInfection', '2026-01-01T00:00:00Z')
  two.create(resource, '24868510168', 'KjConditionInfection', '2026-01-01T00:00:00Z')
  t.throws(() => two.create(resource, '24868510168', 'KjConditionInfection', '2026-01-01T00:00:00Z'), { code: 'KI-0016' })
  two.create(resource, '24868510168', 'KjConditionInfection', '2026-01-01T00:00:00Z', 'seeded-id')
  t.ok(budget.usedBytes > budget.maxBytes, 'a seed is charged, never refused')
  const exported = one.exportRecords()
  const before = budget.usedBytes
  one.retire()
  t.equal(budget.usedBytes, before - exported.reduce((n, r) => n + r.versions.reduce((m, v) => m + JSON.stringify(v).length, 0), 0), 'a retired store gives its bytes back')
  one.create(resource, '24868510168', 'KjConditionInfection', '2026-01-01T00:00:00Z')
  t.equal(budget.usedBytes, two.bytes, 'and what it is given later counts only there')
  const three = new CriticalInfoStore(budget)
  three.importRecords(exported)
  three.clear()
  two.clear()
  t.equal(budget.usedBytes, 0)
  t.throws(() => new CriticalInfoBudget(0), RangeError)
})
