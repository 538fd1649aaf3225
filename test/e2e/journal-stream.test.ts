import t from 'tap'
import { MAX_JOURNAL_LISTENERS } from '../../server/domain/journal/journal.js'
import type { LiveRequestEvent } from '../../server/domain/journal/live.js'
import { poll } from '../support/poll.js'
import { startSandbox } from '../support/server.js'
import { openSse, type SseEvent, type SseStream } from '../support/sse.js'

const data = (event: SseEvent) => JSON.parse(event.data) as LiveRequestEvent & { reason?: string, session?: string }
const isRequest = (path: string) => (e: SseEvent) => e.event === 'request' && data(e).path === path

/** A request the REST face refuses with the given code (forced, so no token is needed). */
async function forced (url: string, code: string) {
  return fetch(url, { headers: { 'x-sandbox-force-error': code, 'x-epj-system': 'stream test' } })
}

t.test('events arrive for requests of the stream\'s session, never for other sessions', async (t) => {
  const { url } = await startSandbox(t)
  const a = await openSse(`${url}/s/stream-a/__admin/requests/stream`)
  const b = await openSse(`${url}/__admin/requests/stream`, { 'x-sandbox-session': 'stream-b' })
  t.teardown(() => { a.close(); b.close() })
  t.equal(a.response.statusCode, 200)
  t.match(a.response.headers['content-type'], /^text\/event-stream/)
  t.equal(data(await a.next((e) => e.event === 'hello')).session, 'stream-a')
  t.equal(data(await b.next((e) => e.event === 'hello')).session, 'stream-b')

  t.equal((await forced(`${url}/s/stream-a/v1/ping`, 'KJF-000198')).status, 401)
  const first = await a.next(isRequest('/v1/ping'))
  t.match(data(first), { method: 'GET', path: '/v1/ping', status: 401, code: 'KJF-000198', face: 'rest' })
  t.equal(first.id, String(data(first).seq), 'the event id is the journal sequence number')

  // Session b's request reaches b's stream before a's next request is even sent.
  t.equal((await forced(`${url}/s/stream-b/v1/helseindikator`, 'KJF-000227')).status, 403)
  t.match(data(await b.next(isRequest('/v1/helseindikator'))), { status: 403, code: 'KJF-000227' })
  await forced(`${url}/s/stream-a/v1/helseindikator/status`, 'KJX-000004')
  t.match(data(await a.next(isRequest('/v1/helseindikator/status'))), { status: 503, code: 'KJX-000004' })
  t.same(a.events.filter((e) => e.event === 'request').map((e) => data(e).path), ['/v1/ping', '/v1/helseindikator/status'], 'nothing of session b')
  t.notOk(b.events.some(isRequest('/v1/ping')), 'nothing of session a')
})

t.test('backlog first, or what came after Last-Event-ID; a session reset ends the stream', async (t) => {
  const { url } = await startSandbox(t)
  for (const path of ['/v1/one', '/v1/two', '/v1/three']) await fetch(`${url}/s/backlog${path}`)
  const all = await openSse(`${url}/s/backlog/__admin/requests/stream`)
  const after = await openSse(`${url}/s/backlog/__admin/requests/stream`, { 'last-event-id': '1' })
  const newest = await openSse(`${url}/s/backlog/__admin/requests/stream?backlog=1`)
  t.teardown(() => { all.close(); after.close(); newest.close() })
  await all.next(isRequest('/v1/three'))
  await after.next(isRequest('/v1/three'))
  await newest.next(isRequest('/v1/three'))
  const paths = (s: typeof all) => s.events.filter((e) => e.event === 'request').map((e) => data(e).path)
  t.same(paths(all), ['/v1/one', '/v1/two', '/v1/three'], 'the backlog, oldest first')
  t.same(paths(after), ['/v1/two', '/v1/three'], 'only what the client has not seen')
  t.same(paths(newest), ['/v1/three'])

  t.equal((await fetch(`${url}/__admin/sessions/backlog/reset`, { method: 'POST' })).status, 200)
  await all.ended
  t.equal(data(all.events.at(-1) as SseEvent).reason, 'session reset', 'the last event says why')

  // A client reconnecting with the old journal's id gets the new journal from its start.
  await fetch(`${url}/s/backlog/v1/four`)
  const again = await openSse(`${url}/s/backlog/__admin/requests/stream`, { 'last-event-id': '3' })
  t.teardown(() => { again.close() })
  t.equal(data(await again.next(isRequest('/v1/four'))).seq, 1)
})

t.test('bounded: listeners per session are capped, and a client that goes frees its place', async (t) => {
  const { url, app } = await startSandbox(t)
  const streams: SseStream[] = []
  for (let i = 0; i < MAX_JOURNAL_LISTENERS; i++) streams.push(await openSse(`${url}/s/full/__admin/requests/stream`))
  t.teardown(() => { for (const s of streams) s.close() })
  t.ok(streams.every((s) => s.response.statusCode === 200))
  const refused = await fetch(`${url}/s/full/__admin/requests/stream`)
  t.equal(refused.status, 503)
  t.equal(((await refused.json()) as { error: string }).error, 'too_many_streams')
  const journal = app.sandbox.sessions.get('full').journal
  t.equal(journal.listenerCount, MAX_JOURNAL_LISTENERS)
  streams.pop()?.close()
  t.ok(await poll(async () => journal.listenerCount === MAX_JOURNAL_LISTENERS - 1), 'the gone client is unsubscribed')
  const room = await openSse(`${url}/s/full/__admin/requests/stream`)
  streams.push(room)
  t.equal(room.response.statusCode, 200)
})

t.test('closing the app ends every open stream, so shutdown is never held by a dashboard tab', async (t) => {
  const { url, app } = await startSandbox(t)
  const one = await openSse(`${url}/__admin/requests/stream`)
  const two = await openSse(`${url}/s/other/__admin/requests/stream`)
  await one.next((e) => e.event === 'hello')
  await app.close()
  await Promise.all([one.ended, two.ended])
  t.equal(data(one.events.at(-1) as SseEvent).reason, 'shutdown')
  t.equal(data(two.events.at(-1) as SseEvent).reason, 'shutdown')
})

t.test('with ADMIN_TOKEN the stream needs it, like the rest of /__admin', async (t) => {
  const { url } = await startSandbox(t, { ADMIN_TOKEN: 'stream-secret' })
  t.equal((await fetch(`${url}/__admin/requests/stream`)).status, 401)
  const ok = await openSse(`${url}/__admin/requests/stream`, { authorization: 'Bearer stream-secret' })
  t.teardown(() => { ok.close() })
  t.equal(ok.response.statusCode, 200)
  t.equal((await fetch(`${url}/__admin/requests/stream?backlog=-1`, { headers: { authorization: 'Bearer stream-secret' } })).status, 400)
})
