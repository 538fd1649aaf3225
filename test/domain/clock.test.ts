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

t.test('client-made JWTs are judged by wall time unless CLIENT_JWT_CLOCK says sandbox', async (t) => {
  const clock = createClock(() => 1_000_999)
  clock.advance(3_600_000)
  t.equal(clock.clientJwtSeconds('wall'), 1_000, 'whole seconds of real time: the offset is not the client\'s')
  t.equal(clock.clientJwtSeconds('sandbox'), 4_600, 'sandbox time, for tests that move both')
})
