import t from 'tap'
import { pongBody } from '../../../server/domain/kjernejournal/pong.js'

t.test('the pong is the time asked for, under the field asked for', async (t) => {
  const at = Date.UTC(2026, 11, 2, 7, 5, 1, 250)
  t.same(pongBody('Pong', at), { Pong: '2026-12-02T07:05:01.250Z' })
  t.same(pongBody('pong', at), { pong: '2026-12-02T07:05:01.250Z' }, 'the same millisecond again')
  t.same(pongBody('Pong', at + 1), { Pong: '2026-12-02T07:05:01.251Z' }, 'the next millisecond is formatted anew')
  t.same(pongBody('Pong', at - 86_400_000), { Pong: '2026-12-01T07:05:01.250Z' }, 'a clock moved back')
})
