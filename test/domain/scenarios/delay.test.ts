import t from 'tap'
import { drawDelay } from '../../../server/domain/scenarios/delay.js'
import { seededRandom } from '../../../server/domain/random.js'
import { MAX_DELAY_MS } from '../../../server/domain/scenarios/schema.js'

t.test('a fixed delay is itself', async (t) => {
  t.equal(drawDelay(250, seededRandom(1)), 250)
  t.equal(drawDelay(12.6, seededRandom(1)), 13, 'whole milliseconds')
})

t.test('uniform: within min and max, and repeatable', async (t) => {
  const draws = (seed: number) => { const r = seededRandom(seed); return Array.from({ length: 200 }, () => drawDelay({ min: 100, max: 300 }, r)) }
  const values = draws(7)
  t.ok(values.every((v) => v >= 100 && v <= 300))
  t.ok(Math.max(...values) - Math.min(...values) > 150, 'spread over the range')
  t.same(draws(7), values, 'the same seed gives the same delays')
})

t.test('normal: around the mean with the standard deviation, never negative', async (t) => {
  const r = seededRandom(3)
  const values = Array.from({ length: 2000 }, () => drawDelay({ mean: 800, stddev: 200 }, r))
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length)
  t.ok(Math.abs(mean - 800) < 25, `mean ${mean}`)
  t.ok(Math.abs(sd - 200) < 25, `sd ${sd}`)
  const wide = Array.from({ length: 500 }, () => drawDelay({ mean: 10, stddev: 1000 }, r))
  t.ok(wide.every((v) => v >= 0 && v <= MAX_DELAY_MS), 'cut to [0, max]')
})
