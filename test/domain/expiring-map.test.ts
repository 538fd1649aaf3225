import t from 'tap'
import { ExpiringMap } from '../../server/domain/expiring-map.js'

t.test('entries expire', async (t) => {
  const map = new ExpiringMap<string, number>(10)
  map.set('a', 1, 100, 0)
  t.equal(map.get('a', 99), 1)
  t.equal(map.get('a', 100), undefined)
})

t.test('take hands an entry out once', async (t) => {
  const map = new ExpiringMap<string, number>(10)
  map.set('code', 7, 100, 0)
  t.equal(map.take('code', 1), 7)
  t.equal(map.take('code', 1), undefined)
})

t.test('the cap holds: expired entries go first, then the oldest', async (t) => {
  const map = new ExpiringMap<number, number>(3)
  map.set(1, 1, 10, 0)
  map.set(2, 2, 1000, 0)
  map.set(3, 3, 1000, 0)
  map.set(4, 4, 1000, 20)
  t.equal(map.size, 3)
  t.equal(map.get(1, 20), undefined, 'the expired one was dropped')
  t.equal(map.get(2, 20), 2)
  map.set(5, 5, 1000, 20)
  t.equal(map.size, 3)
  t.equal(map.get(2, 20), undefined, 'then the oldest')
  t.same(map.values(20), [3, 4, 5])
})
