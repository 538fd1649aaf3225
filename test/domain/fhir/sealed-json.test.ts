import t from 'tap'
import fc from 'fast-check'
import { isSealed, jsonBody, keptBundleStats, seal } from '../../../server/domain/fhir/sealed-json.js'
import { malformedBody } from '../../../server/domain/scenarios/answer-changes.js'
import { historyBundle, searchAnswer } from '../../../server/domain/fhir/bundle.js'
import { CriticalInfoStore } from '../../../server/domain/critical-info/store.js'
import type { FhirResource } from '../../../server/domain/critical-info/types.js'
import { withCategorySystem } from '../../../server/domain/critical-info/category-system.js'
import { GUESSED_CATEGORY_SYSTEM } from '../../../server/domain/critical-info/profiles/categories.js'

const base = 'http://sandbox.test/api/critical-information/v1'
/** What an answer's body reads as. */
const jsonText = (value: unknown): string => jsonBody(value).toString()
const flag = (id: string, extra: Record<string, unknown> = {}): FhirResource =>
  ({ resourceType: 'Flag', id, meta: { versionId: '1', lastUpdated: '2026-01-02T03:04:05Z' }, status: 'active', code: { text: `flag ${id}` }, ...extra })

t.test('a sealed value is frozen all the way down', async (t) => {
  const resource = seal(flag('a', { contained: [{ resourceType: 'PractitionerRole', id: 'r' }] }))
  t.ok(isSealed(resource))
  t.notOk(isSealed(resource.code), 'only the value given is sealed, not its parts')
  t.throws(() => { (resource as Record<string, unknown>).status = 'inactive' }, TypeError)
  t.throws(() => { (resource.meta as Record<string, unknown>).versionId = '2' }, TypeError)
  t.throws(() => { ((resource.contained as unknown[])[0] as Record<string, unknown>).id = 'x' }, TypeError)
  t.throws(() => { (resource.contained as unknown[]).push({}) }, TypeError)
})

t.test('a sealed value is written once, then from its kept text', async (t) => {
  let writes = 0
  // JSON.stringify reads every property it writes: a getter counts the writes.
  const resource = seal({ resourceType: 'Flag', get id () { writes++; return 'a' } })
  writes = 0 // sealing read it too
  t.equal(jsonText(resource), '{"resourceType":"Flag","id":"a"}')
  t.equal(jsonText(resource), '{"resourceType":"Flag","id":"a"}')
  t.equal(jsonText(searchAnswer(base, [resource as unknown as FhirResource], { extras: false })), '{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Flag","id":"a"}}]}')
  t.equal(writes, 1, 'JSON.stringify ran once for three answers')
  const plain = { resourceType: 'Flag', get id () { writes++; return 'b' } }
  jsonText(plain)
  jsonText(plain)
  t.equal(writes, 3, 'a value that is not sealed is written every time')
})

t.test('bundles of sealed records are written as JSON.stringify writes them', async (t) => {
  const records = [seal(flag('a')), flag('b'), seal(flag('c', { note: [{ text: 'æøå "quoted" \\ \u0001' }] }))]
  const plain = searchAnswer(base, records, { extras: false })
  const extras = searchAnswer(base, records, { selfUrl: `${base}/Flag?patient=1`, extras: true })
  const history = historyBundle(base, records, () => false)
  for (const bundle of [plain, extras, history]) t.equal(jsonText(bundle), JSON.stringify(bundle))
  t.equal(jsonText(searchAnswer(base, [], { extras: false })), '{"resourceType":"Bundle","type":"searchset"}')
})

t.test('text that looks like the placeholder cannot move a record', async (t) => {
  const record = seal(flag('a'))
  const tricky = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'self', url: '\u0000sealed\u0000' }], entry: [{ resource: record }] }
  t.equal(jsonText(tricky), JSON.stringify(tricky))
  const inRecord = seal(flag('b', { code: { text: '\u0000sealed\u0000' } }))
  const bundle = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: inRecord }, { resource: record }] }
  t.equal(jsonText(bundle), JSON.stringify(bundle))
})

t.test('any JSON, sealed in places, is written as JSON.stringify writes it', async (t) => {
  const member = fc.jsonValue({ maxDepth: 3 }).map((value) => ({ value }))
  fc.assert(fc.property(fc.array(fc.tuple(member, fc.boolean()), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), (members, extra) => {
    const entry = members.map(([m, sealIt]) => ({ resource: sealIt ? seal(m) : m }))
    const bundle = { resourceType: 'Bundle', extra, entry }
    return jsonText(bundle) === JSON.stringify(bundle) && jsonText(extra) === JSON.stringify(extra)
  }), { numRuns: 300 })
  t.pass('300 generated bundles')
})

t.test('the store seals what it stores, so a stored version cannot change under its kept text', async (t) => {
  const store = new CriticalInfoStore()
  const stored = store.create(flag('x'), '24868510168', 'Flag' as never, '2026-01-02T03:04:05Z')
  t.ok(isSealed(stored.resource))
  t.throws(() => { (stored.resource as Record<string, unknown>).status = 'inactive' }, TypeError)
  const exported = store.exportRecords()
  const other = new CriticalInfoStore()
  other.importRecords(exported)
  t.ok(isSealed(other.latest(stored.resource.id as string)?.resource), 'imported records are sealed too')
})

t.test('an equal search is answered with the same kept bytes until a record changes', async (t) => {
  const a = seal(flag('kept-a'))
  const b = seal(flag('kept-b'))
  const first = jsonBody(searchAnswer(base, [a, b], { extras: false }))
  const again = jsonBody(searchAnswer(base, [a, b], { extras: false }))
  t.ok(Buffer.isBuffer(first))
  t.equal(again, first, 'the same bytes, not a copy')
  const b2 = seal(flag('kept-b', { meta: { versionId: '2', lastUpdated: '2026-01-03T00:00:00Z' } }))
  const changed = jsonBody(searchAnswer(base, [a, b2], { extras: false }))
  t.not(changed, first)
  t.equal(changed.toString(), JSON.stringify(searchAnswer(base, [a, b2], { extras: false })))
  t.equal(jsonBody(searchAnswer(base, [b, a], { extras: false })).toString(), JSON.stringify(searchAnswer(base, [b, a], { extras: false })), 'order counts')
  t.equal(jsonBody(a), jsonBody(a), 'a read is the same kept bytes too')
})

t.test('kept bundles stay within their bounds', async (t) => {
  for (let i = 0; i < 200; i++) jsonBody(searchAnswer(base, [seal(flag(`bound-${i}`))], { extras: false }))
  t.ok(keptBundleStats().count <= 64, `${keptBundleStats().count} kept`)
  const big = seal(flag('big', { note: [{ text: 'x'.repeat(600_000) }] }))
  jsonBody(searchAnswer(base, [big, big], { extras: false }))
  t.ok(keptBundleStats().bytes <= 4 * 1024 * 1024, `${keptBundleStats().bytes} bytes kept`)
  const bigBody = jsonBody(searchAnswer(base, [big, big], { extras: false }))
  t.not(jsonBody(searchAnswer(base, [big, big], { extras: false })), bigBody, 'an answer over a quarter of the bound is not kept')
})

t.test('a scenario that breaks an answer changes a copy, never the kept bytes', async (t) => {
  const record = seal(flag('fault'))
  const body = jsonBody(searchAnswer(base, [record], { extras: false })) as Buffer
  const before = body.toString()
  malformedBody(body)
  t.equal(body.toString(), before)
})

t.test('a stored version in another category system is made once, and sealed too', async (t) => {
  const stored = seal(flag('cat', { category: [{ coding: [{ system: GUESSED_CATEGORY_SYSTEM, code: '10' }] }] }))
  const once = withCategorySystem(stored, 'urn:example:kategori')
  t.equal(withCategorySystem(stored, 'urn:example:kategori'), once, 'the same object again')
  t.ok(isSealed(once))
  t.same((once.category as Array<{ coding: Array<{ system?: string }> }>)[0]!.coding[0]!.system, 'urn:example:kategori')
  const none = withCategorySystem(stored, '')
  t.not(none, once, 'another system, another form')
  t.notOk('system' in (none.category as Array<{ coding: Array<Record<string, unknown>> }>)[0]!.coding[0]!)
  t.equal(withCategorySystem(stored, GUESSED_CATEGORY_SYSTEM), stored, 'the default system is the stored version itself')
  const loose = flag('loose', { category: [{ coding: [{ system: GUESSED_CATEGORY_SYSTEM, code: '10' }] }] })
  t.not(withCategorySystem(loose, 'urn:x'), withCategorySystem(loose, 'urn:x'), 'what is not sealed may change, so it is made anew')
  t.notOk(isSealed(withCategorySystem(loose, 'urn:x')))
})
