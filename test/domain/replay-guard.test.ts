/** The replay caches' guard: single use until expiry, bounded, oldest first. */
import t from 'tap'
import { ReplayGuard } from '../../server/domain/replay-guard.js'

t.test('a replay guard refuses a second use until the id expires', async (t) => {
  const guard = new ReplayGuard(100)
  t.ok(guard.firstUse('jti-1', 1000, 0))
  t.notOk(guard.firstUse('jti-1', 1000, 500))
  t.ok(guard.firstUse('jti-1', 3000, 1000), 'usable again once expired')
})

t.test('expiry is exact to the millisecond, far from the first use too', async (t) => {
  const now = 1_800_000_000_000
  const guard = new ReplayGuard(100)
  t.ok(guard.firstUse('a', now + 65_000, now))
  t.notOk(guard.firstUse('a', now + 65_000, now + 64_999), 'one ms before expiry: a replay')
  t.ok(guard.firstUse('a', now + 200_000, now + 65_000), 'at expiry: usable again')
  // Forty days on, past where the stored numbers stay small: still exact.
  const later = now + 40 * 86_400_000
  t.ok(guard.firstUse('b', later + 1000, later))
  t.notOk(guard.firstUse('b', later + 1000, later + 999))
  t.ok(guard.firstUse('b', later + 2000, later + 1000))
})

t.test('bounded: expired ids go first, then the oldest', async (t) => {
  const guard = new ReplayGuard(3)
  t.ok(guard.firstUse('1', 10, 0))
  t.ok(guard.firstUse('2', 1000, 0))
  t.ok(guard.firstUse('3', 1000, 0))
  t.ok(guard.firstUse('4', 1000, 20), 'the expired one made room')
  t.equal(guard.size, 3)
  t.notOk(guard.firstUse('2', 1000, 20), 'the rest are remembered')
  t.ok(guard.firstUse('5', 1000, 20))
  t.equal(guard.size, 3)
  t.ok(guard.firstUse('2', 1000, 20), 'then the oldest was forgotten')
  t.notOk(guard.firstUse('5', 1000, 20))
  guard.clear()
  t.equal(guard.size, 0)
  t.ok(guard.firstUse('5', 1000, 20), 'clear forgets all')
  t.throws(() => new ReplayGuard(0), RangeError)
})
