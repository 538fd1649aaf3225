import t from 'tap'
import { JournalBudget } from '../../../server/domain/journal/budget.js'
import { entryBytes } from '../../../server/domain/journal/entry-bounds.js'
import { entryOf, heldBytes, heldHeaders, type Exchange } from '../../../server/domain/journal/exchange.js'
import { RequestJournal } from '../../../server/domain/journal/journal.js'

const T0 = Date.parse('2026-03-01T10:00:00Z')
// A JWT-shaped token, so the journal summarises and redacts it.
const TOKEN = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{"client_id":"c1","aud":"nhn:kjernejournal","exp":1790000000}').toString('base64url')}.${'s'.repeat(342)}`

function exchange (overrides: Partial<Exchange> = {}): Exchange {
  return {
    timeMs: T0,
    eventId: '3f2b9c1e-0d4a-4b6e-9f7a-1c2d3e4f5a6b',
    method: 'POST',
    url: '/v1/helseindikator?debug=1',
    route: '/v1/helseindikator',
    face: 'rest',
    status: 200,
    code: null,
    elapsedMs: 1.234,
    requestHeaders: { authorization: `Bearer ${TOKEN}`, 'x-epj-system': 'EPJ', 'content-length': '44' },
    requestBody: { fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' },
    contentLength: 44,
    answerHeaders: { 'content-type': 'application/json; charset=utf-8', 'x-event-id': 'Id-3f2b', 'keep-alive': 'timeout=72' },
    defaultChildOrganisation: false,
    ...overrides
  }
}

t.test('an unbuilt entry is built when first read, once, and reads as an entry recorded whole', async (t) => {
  let builds = 0
  const journal = new RequestJournal(10)
  const x = exchange()
  journal.recordUnbuilt({ bytes: heldBytes(x), build: () => { builds++; return entryOf(x) } })
  journal.record(entryOf(exchange({ url: '/v1/ping', method: 'GET', route: '/v1/ping' })))
  t.equal(builds, 0, 'recording builds nothing')
  t.same(journal.since(1, 10).map((e) => e.seq), [2], 'reading past it builds nothing either')
  t.equal(builds, 0)
  const [newest, oldest] = journal.query().requests
  t.equal(builds, 1)
  t.equal(newest?.path, '/v1/ping')
  t.same(oldest, { seq: 1, ...entryOf(x) }, 'the built entry is what recording it whole would have kept')
  t.equal(oldest?.request.headers.authorization?.includes(TOKEN), false, 'the token is redacted')
  t.same(oldest?.query, { debug: '1' })
  t.same(Object.keys(oldest?.response.headers ?? {}).sort(), ['content-type', 'x-event-id'], 'only the answer headers worth showing')
  journal.query()
  journal.count({ status: '200' })
  t.equal(builds, 1, 'built once')
})

t.test('the budget holds an unbuilt entry at what it holds, and the built entry at its own size', async (t) => {
  const budget = new JournalBudget()
  const journal = new RequestJournal(10, budget)
  const x = exchange()
  const held = heldBytes(x)
  journal.recordUnbuilt({ bytes: held, build: () => entryOf(x) })
  t.equal(budget.usedBytes, held)
  const [built] = journal.query().requests
  t.equal(budget.usedBytes, entryBytes(built as never), 'resized to the built entry')
  t.ok(held >= budget.usedBytes, 'the unbuilt estimate is on the high side')
  journal.clear()
  t.equal(budget.usedBytes, 0)
})

t.test('held bytes stay on the high side for large headers, bodies and answers', async (t) => {
  const cases: Array<Partial<Exchange>> = [
    { requestHeaders: { authorization: `Bearer ${TOKEN}`, cookie: 'c'.repeat(12_000) } },
    { requestBody: { text: 'x'.repeat(20_000) }, contentLength: undefined },
    { requestBody: 'y'.repeat(30_000), contentLength: 30_000 },
    { status: 400, code: 'KJF-000206', payload: `{"utviklermelding":"${'z'.repeat(9000)}"}` }
  ]
  for (const c of cases) {
    const x = exchange(c)
    t.ok(heldBytes(x) >= entryBytes({ seq: 1, ...entryOf(x) }), JSON.stringify(Object.keys(c)))
  }
})

t.test('a live listener gets the entry built at once', async (t) => {
  const journal = new RequestJournal(10)
  const seen: string[] = []
  journal.subscribe({ entry: (e) => seen.push(e.request.headers['x-epj-system'] ?? ''), end: () => {} })
  const x = exchange()
  journal.recordUnbuilt({ bytes: heldBytes(x), build: () => entryOf(x) })
  t.same(seen, ['EPJ'])
})

t.test('a fault while building keeps what is known and says what is missing', async (t) => {
  const hostile = exchange({ requestHeaders: new Proxy({}, { ownKeys: () => { throw new Error('boom') } }) })
  const entry = entryOf(hostile)
  t.equal(entry.status, 200)
  t.equal(entry.path, '/v1/helseindikator')
  t.same(entry.truncated, ['request.headers', 'request.body', 'response'])
})

t.test('equal Authorization values are held as one string', async (t) => {
  const first = heldHeaders({ authorization: `Bearer ${TOKEN}`, host: 'a' })
  // Built at run time, so it is a different string with the same characters.
  const again = heldHeaders({ authorization: ['Bearer', TOKEN].join(' '), host: 'b' })
  t.equal(again.authorization, first.authorization)
  t.equal(again.host, 'b', 'the other headers are this request\'s')
  const other = heldHeaders({ authorization: 'Bearer other' })
  t.equal(other.authorization, 'Bearer other')
  t.same(heldHeaders({ host: 'c' }), { host: 'c' })
})
