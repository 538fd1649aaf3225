import t from 'tap'
import { coldStartOf, memoryOf, soakOf, type Row } from '../../bench/results.js'
import { coldStartCells, fixed, loadCells, memoryCells, metText, ratioText, renderMarkdown, renderText, startupMemoryText } from '../../bench/table.js'

const rows: Row[] = [
  { name: 'floor', label: 'floor: GET /__admin/health', requestsPerSec: 10_123.4, p50: 4, p99: 9, rssMB: 60.04, ratio: 1, failures: 0, runs: 3, target: '-', met: null },
  { name: 'ping', label: 'GET /v1/ping', requestsPerSec: 6543.2, p50: 6, p99: 11, rssMB: 98.76, ratio: 0.6464, failures: 0, runs: 1, target: '>= 0.5x', met: false },
  { name: 'token', label: 'POST /connect/token', requestsPerSec: Number.NaN, p50: 1, p99: 2, rssMB: Number.NaN, ratio: Number.NaN, failures: 7, runs: 1, target: '-', met: false }
]

t.test('the load table: one line per endpoint with the issue\'s columns', async (t) => {
  const cells = loadCells(rows)
  t.same(cells[0], ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'RSS MB', 'ratio to floor', 'failed', 'target', 'met?'])
  t.same(cells[1], ['floor: GET /__admin/health', '10123', '4.0', '9.0', '60.0', '1.00', '0', '-', '-'])
  t.same(cells[2], ['GET /v1/ping', '6543', '6.0', '11.0', '98.8', '0.65', '0', '>= 0.5x', 'NO'])
  t.same(cells[3]?.slice(1, 7), ['-', '1.0', '2.0', '-', '-', '7'], 'what was not measured shows as -')
  t.equal(metText(true), 'yes')
  t.equal(fixed(Number.POSITIVE_INFINITY, 1), '-')
})

t.test('text: columns padded to the widest cell, numbers right-aligned', async (t) => {
  const text = renderText([['name', 'n'], ['a', '10'], ['longer', '2']])
  t.equal(text, 'name     n\n------  --\na       10\nlonger   2')
  t.equal(renderText([]), '')
})

t.test('markdown: a pipe table, cells with pipes escaped', async (t) => {
  t.equal(renderMarkdown([['a', 'b'], ['x|y', '1']]), '| a | b |\n|---|---:|\n| x\\|y | 1 |')
})

t.test('cold-start and memory tables', async (t) => {
  const cold = coldStartCells(coldStartOf([520, 500, 560], [240, 250, 300]))
  t.same(cold[1], ['floor', '250 (240-300)', '3', '1.00', '-', '-'])
  t.same(cold[2], ['sandbox', '520 (500-560)', '3', '2.08', '<= 2x floor', 'NO'])
  const mem = memoryCells(memoryOf(101.26, soakOf(30, 2500, 0, [{ seconds: 0, rssMB: 100 }, { seconds: 30, rssMB: 104 }])))
  t.same(mem[1]?.slice(0, 7), ['sandbox', '101.3', '30', '100.0', '104.0', '104.0', '+4.0 %'])
  t.equal(mem[1]?.[8], 'yes')
  t.same(memoryCells(memoryOf(90, null))[1]?.slice(2, 7), ['-', '-', '-', '-', '-'], 'no soak: dashes')
})

t.test('a ratio that two decimals would round onto its target gets a third', async (t) => {
  t.equal(ratioText(0.2953, '>= 0.3x'), '0.295', 'not "0.30" beside NO')
  t.equal(ratioText(0.3, '>= 0.3x'), '0.30')
  t.equal(ratioText(0.304, '>= 0.3x'), '0.304')
  t.equal(ratioText(0.42, '>= 0.3x'), '0.42')
  t.equal(ratioText(2.004, '<= 2x floor'), '2.004')
  t.equal(ratioText(1.92, '<= 2x floor'), '1.92')
  t.equal(ratioText(0.5, '-'), '0.50', 'no target, two decimals')
})

t.test('the start-up memory sentence names both servers and prices the difference when the page cost is known', async (t) => {
  const cold = coldStartOf([600], [300], { sandbox: [{ minorFaults: 17_000, anonMB: 58 }], floor: [{ minorFaults: 7200, anonMB: 23 }] })
  const text = startupMemoryText(cold, 20)
  t.match(text, 'the floor held 23.0 MB of anonymous memory after 7200 minor page faults, the sandbox 58.0 MB after 17000.')
  t.match(text, 'At 20.00 µs for each fresh 4 KB page on this machine, the sandbox\'s extra 35.0 MB cost about 179 ms of its start-up')
  t.notMatch(startupMemoryText(cold, undefined), 'µs', 'no price without the machine\'s page cost')
  t.equal(startupMemoryText(coldStartOf([600], [300]), 20), undefined, 'nothing known, nothing said')
})
