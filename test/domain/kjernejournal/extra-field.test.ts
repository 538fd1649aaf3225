/**
 * The extra field is added to the JSON text: one field of letters, last, valid JSON, the same
 * for the same seed, and never in place of a field the body has.
 */
import t from 'tap'
import { jsonWithExtraField } from '../../../server/domain/kjernejournal/extra-field.js'
import { seededRandom, type Random } from '../../../server/domain/random.js'

t.test('one more field, last, of letters, in valid JSON', async (t) => {
  const random = seededRandom(7)
  for (let i = 0; i < 200; i++) {
    const body = { status: 4, returTekst: 'OBS: "kritisk" informasjon', liste: [{ a: 1 }] }
    const parsed = JSON.parse(jsonWithExtraField(body, random)) as Record<string, unknown>
    const keys = Object.keys(parsed)
    t.equal(keys.length, 4)
    t.same(keys.slice(0, 3), ['status', 'returTekst', 'liste'])
    t.same({ status: parsed.status, returTekst: parsed.returTekst, liste: parsed.liste }, body, 'the body is unchanged')
    const name = keys[3] as string
    t.match(name, /^[a-z]{6,11}$/)
    const value = parsed[name]
    t.ok(typeof value === 'number' ? Number.isInteger(value) && value >= 0 && value < 1_000_000 : /^[a-z]{4,15}$/.test(String(value)))
  }
})

t.test('the same seed gives the same answers', async (t) => {
  const a = seededRandom(42)
  const b = seededRandom(42)
  for (let i = 0; i < 20; i++) t.equal(jsonWithExtraField({ x: i }, a), jsonWithExtraField({ x: i }, b))
})

t.test('an empty body gets the field alone; a body that has the name is sent unchanged', async (t) => {
  const parsed = JSON.parse(jsonWithExtraField({}, seededRandom(1))) as Record<string, unknown>
  t.equal(Object.keys(parsed).length, 1)
  const fixed: Random = { next: () => 0, int: () => 0, letters: (n) => 'a'.repeat(n) }
  t.equal(jsonWithExtraField({ aaaaaa: 1 }, fixed), '{"aaaaaa":1}')
  t.equal(jsonWithExtraField([1, 2], fixed), '[1,2]', 'an array is not an object to add to')
  t.equal(jsonWithExtraField({ x: { aaaaaa: 1 } }, fixed), '{"x":{"aaaaaa":1}}', 'a key of that name deeper down counts too')
  t.equal(jsonWithExtraField({ note: 'aaaaaa', q: '"aaaaaa":' }, fixed), '{"note":"aaaaaa","q":"\\"aaaaaa\\":","aaaaaa":"aaaa"}', 'a value is not a key')
})
