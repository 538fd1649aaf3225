import t from 'tap'
import { freshPageMicros, memoryTouched } from '../../bench/page-faults.js'

t.test('memoryTouched reads a live process: faults grow as it touches fresh memory', { skip: process.platform !== 'linux' && 'needs /proc' }, async (t) => {
  const before = memoryTouched(process.pid)
  if (before === undefined) {
    t.fail('no /proc/self data')
    return
  }
  t.ok(before.minorFaults > 0 && before.anonMB > 0, 'a running process has taken faults and holds anonymous memory')
  const fresh = Buffer.allocUnsafeSlow(8 * 1024 * 1024)
  fresh.fill(7)
  const after = memoryTouched(process.pid)
  t.ok(after !== undefined && after.minorFaults - before.minorFaults >= 1024, `8 MB written for the first time took at least 1,024 faults (${(after?.minorFaults ?? 0) - before.minorFaults})`)
  t.equal(fresh[fresh.length - 1], 7)
})

t.test('memoryTouched of a process that is not there is undefined, not a throw', async (t) => {
  t.equal(memoryTouched(2 ** 30), undefined)
})

t.test('freshPageMicros: a first write costs more than a second, per page', { skip: process.platform !== 'linux' && 'page cost is measured on Linux' }, async (t) => {
  const micros = freshPageMicros(1)
  t.ok(micros === undefined || (micros > 0 && micros < 10_000), `a positive, bounded cost or unknown (${String(micros)})`)
})
