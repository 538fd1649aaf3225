import t from 'tap'
import type { JournalEntry } from '../../../server/domain/journal/entry.js'
import { MAX_JOURNAL_LISTENERS, RequestJournal, type NewJournalEntry } from '../../../server/domain/journal/journal.js'
import { journalListSchema } from '../../../server/domain/journal/query.js'

const T0 = Date.parse('2026-03-01T10:00:00Z')

function entry (overrides: Partial<NewJournalEntry> = {}): NewJournalEntry {
  const timeMs = overrides.timeMs ?? T0
  return {
    time: new Date(timeMs).toISOString(),
    timeMs,
    eventId: '3f2b9c1e-0d4a-4b6e-9f7a-1c2d3e4f5a6b',
    method: 'POST',
    path: '/v1/helseindikator',
    route: '/v1/helseindikator',
    face: 'rest',
    status: 200,
    code: null,
    durationMs: 1,
    request: { headers: {} },
    response: { headers: {} },
    ...overrides
  }
}

const paths = (entries: JournalEntry[]) => entries.map((e) => e.path)

t.test('keeps the newest N, drops the oldest, numbers entries for ever', async (t) => {
  const journal = new RequestJournal(3)
  for (let i = 1; i <= 5; i++) journal.record(entry({ path: `/p${i}` }))
  t.equal(journal.size, 3)
  const page = journal.query()
  t.same(paths(page.requests), ['/p5', '/p4', '/p3'], 'newest first, the two oldest gone')
  t.same(page.requests.map((e) => e.seq), [5, 4, 3])
  journal.clear()
  t.equal(journal.size, 0)
  t.same(journal.query(), { total: 0, requests: [] })
  t.equal(journal.record(entry()).seq, 6, 'sequence numbers go on after clear')
  t.same(paths(journal.query().requests), ['/v1/helseindikator'])
})

t.test('the default bound is 1000', async (t) => {
  const journal = new RequestJournal()
  t.equal(journal.capacity, 1000)
  for (let i = 0; i < 1005; i++) journal.record(entry())
  t.equal(journal.size, 1000)
  t.equal(journal.query({}, 1).requests[0]?.seq, 1005)
  t.equal(journal.count(), 1000)
  t.throws(() => new RequestJournal(0), RangeError)
})

t.test('filters: path substring and glob, method, status and class, code, event id, time', async (t) => {
  const journal = new RequestJournal()
  journal.record(entry({ path: '/v1/ping', method: 'GET', route: '/v1/ping' }))
  journal.record(entry({ status: 403, code: 'KJF-000197', timeMs: T0 + 1000, eventId: '00000000-0000-4000-8000-000000000001' }))
  journal.record(entry({ path: '/connect/token', face: 'helseid', status: 400, code: 'oauth:invalid_client', timeMs: T0 + 2000 }))
  journal.record(entry({ path: '/v1/helseindikator/status', status: 200, helseindikatorStatus: 4, timeMs: T0 + 3000 }))

  t.same(paths(journal.query({ path: 'helseindikator' }).requests), ['/v1/helseindikator/status', '/v1/helseindikator'])
  t.same(paths(journal.query({ path: '/v1/*' }).requests), ['/v1/helseindikator/status', '/v1/helseindikator', '/v1/ping'])
  t.same(paths(journal.query({ path: '/v1/helse*r' }).requests), ['/v1/helseindikator'], 'a glob matches the whole path')
  t.same(paths(journal.query({ method: 'get' }).requests), ['/v1/ping'])
  t.equal(journal.count({ status: '403' }), 1)
  t.equal(journal.count({ status: '4xx' }), 2)
  t.equal(journal.count({ status: '2XX' }), 2)
  t.same(paths(journal.query({ code: 'kjf-000197' }).requests), ['/v1/helseindikator'], 'codes match in any case')
  t.equal(journal.count({ code: 'oauth:*' }), 1)
  t.equal(journal.count({ code: '*' }), 2, '* is any answer with a code')
  t.equal(journal.count({ eventId: '00000000-0000-4000-8000-000000000001' }), 1)
  t.equal(journal.count({ eventId: 'Id-00000000000040008000000000000001' }), 1, 'X-EVENT-ID spelling')
  t.equal(journal.count({ since: T0 + 1000, until: T0 + 2000 }), 2, 'bounds are inclusive')
  t.equal(journal.count({ since: T0 + 3001 }), 0)
  t.equal(journal.count({ path: '/v1/*', status: '4xx', method: 'POST' }), 1, 'filters combine')

  const limited = journal.query({ path: '/v1/*' }, 2)
  t.equal(limited.total, 3, 'total counts every match')
  t.equal(limited.requests.length, 2)
})

t.test('the admin query schema: types, ISO times, strictness', async (t) => {
  t.match(journalListSchema.parse({ status: '4xx', since: '2026-03-01T10:00:00Z', limit: '5' }), { status: '4xx', since: T0, limit: 5 })
  t.equal(journalListSchema.parse({}).limit, 100)
  for (const bad of [{ status: '99' }, { since: 'yesterday' }, { limit: '0' }, { method: 'P O' }, { colour: 'red' }, { eventId: 'x' }]) {
    t.notOk(journalListSchema.safeParse(bad).success, JSON.stringify(bad))
  }
})

t.test('live listeners: told of each entry, bounded, dropped on unsubscribe, fault or end', async (t) => {
  const journal = new RequestJournal(10)
  const seen: number[] = []
  let ended = 0
  const unsubscribe = journal.subscribe({ entry: (e) => seen.push(e.seq), end: () => { ended++ } })
  t.type(unsubscribe, 'function')
  journal.record(entry())
  journal.record(entry())
  t.same(seen, [1, 2])
  unsubscribe?.()
  unsubscribe?.()
  journal.record(entry())
  t.same(seen, [1, 2], 'nothing after unsubscribing')
  t.equal(journal.listenerCount, 0)

  const faulty = journal.subscribe({ entry: () => { throw new Error('gone') }, end: () => {} })
  t.type(faulty, 'function')
  t.equal(journal.record(entry()).seq, 4, 'a faulty listener does not fail the recording')
  t.equal(journal.listenerCount, 0, 'and is dropped')

  const many = Array.from({ length: MAX_JOURNAL_LISTENERS + 1 }, () => journal.subscribe({ entry: () => {}, end: () => { ended++ } }))
  t.equal(many.filter((u) => u === undefined).length, 1, `at most ${MAX_JOURNAL_LISTENERS} listeners`)
  journal.end()
  t.equal(ended, MAX_JOURNAL_LISTENERS, 'every listener hears the end once')
  t.equal(journal.listenerCount, 0)
  t.equal(journal.subscribe({ entry: () => {}, end: () => {} }), undefined, 'an ended journal takes no listeners')
})

t.test('since: entries after a sequence number, oldest first, the newest `limit` of them', async (t) => {
  const journal = new RequestJournal(5)
  for (let i = 1; i <= 7; i++) journal.record(entry({ path: `/p${i}` }))
  t.equal(journal.lastSeq, 7)
  t.same(journal.since(4, 10).map((e) => e.seq), [5, 6, 7])
  t.same(journal.since(0, 2).map((e) => e.seq), [6, 7], 'limit keeps the newest')
  t.same(journal.since(0, 10).map((e) => e.seq), [3, 4, 5, 6, 7], 'what the ring still holds')
  t.same(journal.since(7, 10), [])
})
