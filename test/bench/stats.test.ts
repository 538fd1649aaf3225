import t from 'tap'
import { change, median, ratio, spread } from '../../bench/stats.js'

t.test('median of odd and even counts, unsorted input left alone', async (t) => {
  const values = [5, 1, 3]
  t.equal(median(values), 3)
  t.same(values, [5, 1, 3], 'the input is not sorted in place')
  t.equal(median([4, 1, 3, 2]), 2.5)
  t.ok(Number.isNaN(median([])))
})

t.test('spread: median, range and the range relative to the median', async (t) => {
  t.same(spread([100, 90, 110, 105]), { median: 102.5, min: 90, max: 110, relative: 20 / 102.5, n: 4 })
  t.equal(spread([]).n, 0)
  t.ok(Number.isNaN(spread([0, 0]).relative), 'no relative spread around a zero median')
})

t.test('ratio and change guard against a missing or zero base', async (t) => {
  t.equal(ratio(600, 1000), 0.6)
  t.ok(Number.isNaN(ratio(600, 0)))
  t.ok(Number.isNaN(ratio(600, Number.NaN)))
  t.equal(change(100, 110), 0.1)
  t.equal(change(100, 95), -0.05)
  t.ok(Number.isNaN(change(0, 10)))
})
