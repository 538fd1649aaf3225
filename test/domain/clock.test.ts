import t from 'tap'
import { createClock } from '../../server/domain/clock.js'

t.test('the sandbox clock follows wall time plus an offset that can be set and advanced', async (t) => {
  let wall = 1_000_000
  const clock = createClock(() => wall)
  t.equal(clock.now(), 1_000_000)
  clock.advance(3_600_000)
  t.equal(clock.now(), 4_600_000)
  wall += 500
  t.equal(clock.now(), 4_600_500, 'time keeps running after a jump')
  t.equal(clock.wallNow(), 1_000_500, 'wall time is untouched')
  clock.set(10_000_000)
  t.equal(clock.now(), 10_000_000)
  t.equal(clock.epochSeconds(), 10_000)
  t.equal(clock.offsetMs(), 10_000_000 - 1_000_500)
  clock.reset()
  t.equal(clock.now(), wall)
})
