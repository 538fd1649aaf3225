import t from 'tap'
import { dribble, malformedBody, overrideJson } from '../../../server/domain/scenarios/answer-changes.js'

t.test('override merges fields, dotted paths nest', async (t) => {
  t.same(JSON.parse(overrideJson('{"status":2,"ticket":"t","a":{"b":1}}', { status: 0, ticket: null, 'a.c': 2, 'x.y': 3 }) as string), { status: 0, ticket: null, a: { b: 1, c: 2 }, x: { y: 3 } })
  t.same(JSON.parse(overrideJson('{"status":2,"ticket":"t","a":{"b":1,"c":2}}', { ticket: { $delete: true }, 'a.b': { $delete: true }, 'x.y': { $delete: true }, 'a.c.d': { $delete: true } }) as string), { status: 2, a: { c: 2 } }, '{"$delete": true} removes; a missing path is nothing to remove')
  t.equal(overrideJson('[1]', { a: 1 }), undefined, 'not an object')
  t.equal(overrideJson('nope', { a: 1 }), undefined, 'not JSON')
})

t.test('malformed: half the body, then bytes no parser takes', async (t) => {
  const body = JSON.stringify({ status: 2, returTekst: 'Pasienten har kjernejournal' })
  const garbled = malformedBody(body)
  t.ok(garbled.subarray(0, 10).equals(Buffer.from(body).subarray(0, 10)))
  t.throws(() => JSON.parse(garbled.toString('utf8')))
  t.ok(malformedBody('').length > 0)
})

t.test('dribble: the same bytes, in many small pieces', async (t) => {
  const body = 'x'.repeat(40)
  const pieces: Buffer[] = []
  for await (const piece of dribble(body, 20)) pieces.push(piece as Buffer)
  t.equal(Buffer.concat(pieces).toString(), body)
  t.ok(pieces.length >= 20, `${pieces.length} pieces`)
  const bytes: Buffer[] = []
  for await (const piece of dribble('abc', 30)) bytes.push(piece as Buffer)
  t.same(bytes.map((b) => b.toString()), ['a', 'b', 'c'], 'a byte at a time when there is time')
  const empty: Buffer[] = []
  for await (const piece of dribble('', 30)) empty.push(piece as Buffer)
  t.same(empty, [])
  const stream = dribble('abcdef', 10_000)
  stream.destroy()
  t.ok(stream.destroyed, 'destroying stops the timer (the test would hang otherwise)')
})
