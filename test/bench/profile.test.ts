import t from 'tap'
import { shortWhere, topSelfTime, type CpuProfile } from '../../bench/profile.js'

const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber })

// Samples are 1 ms apart from startTime 1000 µs; a sample lasts until the next one.
const profile: CpuProfile = {
  startTime: 1000,
  endTime: 9000,
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('verify', 'file:///repo/node_modules/jose/dist/verify.js', 9) },
    { id: 3, callFrame: frame('', 'file:///repo/dist/server/routes/ping.js', 0) },
    { id: 4, callFrame: frame('verify', 'file:///repo/node_modules/jose/dist/verify.js', 9) },
    { id: 5, callFrame: frame('(idle)') }
  ],
  samples: [3, 2, 2, 4, 3, 5, 2],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000]
}

t.test('self time per function, call sites summed, largest first', async (t) => {
  const top = topSelfTime(profile, '/repo')
  t.same(top.map((e) => [e.fn, e.where, e.selfMs]), [
    ['verify', 'jose/dist/verify.js:10', 3],
    ['(anonymous)', 'dist/server/routes/ping.js:1', 2],
    ['(idle)', '', 1]
  ], 'the last sample has no duration')
  t.equal(top[0]?.share, 0.5)
  t.equal(topSelfTime(profile, '/repo', 1).length, 1, 'limit')
})

t.test('fromUs leaves out what came before (start-up)', async (t) => {
  // Sample times: 1000, 2000, ..., 7000 µs; from 4000 on: ids 4, 3, 5 (2 has no duration).
  t.same(topSelfTime(profile, '/repo', 15, 4000).map((e) => [e.fn, e.selfMs]), [['(anonymous)', 1], ['verify', 1], ['(idle)', 1]], 'ties keep the profile order')
})

t.test('shortWhere: the package inside node_modules, or the path under the root', async (t) => {
  t.equal(shortWhere('file:///a/node_modules/x/node_modules/fastify/lib/route.js', 4, '/a'), 'fastify/lib/route.js:5')
  t.equal(shortWhere('node:internal/crypto/util', 469, '/a'), 'node:internal/crypto/util:470')
  t.equal(shortWhere('', 0, '/a'), '')
})
