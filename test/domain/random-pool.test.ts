import t from 'tap'
import { pooledRandomBytes } from '../../server/domain/random-pool.js'

t.test('pooled random bytes: the size asked for, fresh each time, copies of their own', async (t) => {
  const seen = new Set<string>()
  let wrongSize = 0
  for (let i = 0; i < 1000; i++) {
    const bytes = pooledRandomBytes(12)
    if (bytes.length !== 12) wrongSize++
    seen.add(bytes.toString('hex'))
  }
  t.equal(wrongSize, 0, 'every draw has the size asked for')
  t.equal(seen.size, 1000, 'no draw repeats, across several refills of the pool')
  const kept = pooledRandomBytes(16)
  const copy = Buffer.from(kept)
  for (let i = 0; i < 600; i++) pooledRandomBytes(12)
  t.same(kept, copy, 'a later refill does not change bytes already handed out')
  t.equal(pooledRandomBytes(10_000).length, 10_000, 'more than the pool holds comes straight from the source')
})
