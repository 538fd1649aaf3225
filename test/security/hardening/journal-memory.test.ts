/**
 * Issue 18, item 2: the journal's memory is bounded in bytes, per entry and across sessions.
 * Refused requests with a 12 KB header and a 4 KB body cost 15-19 KB each and 1000 of them per
 * session were kept in each of up to MAX_SESSIONS sessions (robustness probe, finding 3).
 */
import t from 'tap'
import { build } from '../../helper.js'

const FILLER = 'x'.repeat(12 * 1024)
const BODY = JSON.stringify({ filler: 'y'.repeat(4 * 1024) })

t.test('an entry keeps at most a few KB of headers and query, and says what it cut', async (t) => {
  const app = await build(t)
  const headers: Record<string, string> = { 'x-filler': FILLER }
  for (let i = 0; i < 20; i++) headers[`x-extra-${i}`] = 'z'.repeat(1000)
  const query = Array.from({ length: 40 }, (_, i) => `q${i}=${'w'.repeat(300)}`).join('&')
  const res = await app.inject({ method: 'POST', url: `/s/cut/v1/helseindikator?${query}`, headers: { ...headers, 'content-type': 'application/json' }, payload: BODY })
  t.equal(res.statusCode, 401)
  const [entry] = (await app.inject({ url: '/s/cut/__admin/requests?limit=1' })).json().requests
  t.same(entry.truncated, ['query', 'request.headers'])
  const headerChars = Object.entries(entry.request.headers as Record<string, string>).reduce((n, [k, v]) => n + k.length + v.length, 0)
  t.ok(headerChars <= 4 * 1024, `headers kept: ${headerChars} characters`)
  const queryChars = Object.entries(entry.query as Record<string, string>).reduce((n, [k, v]) => n + k.length + v.length, 0)
  t.ok(queryChars <= 2 * 1024, `query kept: ${queryChars} characters`)
  t.equal(entry.request.headers['content-type'], 'application/json', 'the headers that fit are kept')
  t.ok(entry.request.body.truncated, 'the body is cut as before')
})

t.test('the journals of all sessions together stay within JOURNAL_MAX_MB', async (t) => {
  const app = await build(t, { JOURNAL_MAX_MB: '1' })
  const sessions = 30
  const sent = 600
  for (let i = 0; i < sent; i++) {
    const res = await app.inject({ method: 'POST', url: `/s/fill-${i % sessions}/v1/helseindikator`, headers: { 'x-filler': FILLER, 'content-type': 'application/json' }, payload: BODY })
    if (res.statusCode !== 401) t.fail(`request ${i}: ${res.statusCode}`)
  }
  let kept = 0
  let chars = 0
  for (let s = 0; s < sessions; s++) {
    const page = (await app.inject({ url: `/s/fill-${s}/__admin/requests?limit=1000` })).json()
    kept += page.total as number
    chars += JSON.stringify(page.requests).length
  }
  t.ok(kept < sent, `older entries went: ${kept} of ${sent} kept`)
  t.ok(kept > 0, 'the newest entries are kept')
  t.ok(3 * chars <= 1024 * 1024, `the kept entries come to ${Math.round(chars / 1024)} KB of JSON`)
  t.ok(app.sandbox.sessions.journalBudget.usedBytes <= 1024 * 1024, `budget used: ${app.sandbox.sessions.journalBudget.usedBytes} bytes`)
  const latest = (await app.inject({ url: `/s/fill-${(sent - 1) % sessions}/__admin/requests?limit=1` })).json().requests[0]
  t.equal(latest.seq, sent / sessions, 'the newest request of a session is among them')
})

t.test('JOURNAL_MAX_MB is a setting with a range', async (t) => {
  const app = await build(t, { JOURNAL_MAX_MB: '3' })
  t.equal(app.sandbox.sessions.journalBudget.maxBytes, 3 * 1024 * 1024)
})
