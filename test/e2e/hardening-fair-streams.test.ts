/**
 * Issue 18, item 8: fair live-journal streams. 32 streams in each of two throwaway sessions made
 * /__admin/requests/stream answer 503 for everyone, the dashboard included (robustness probe,
 * finding 11). Real sockets: SSE never ends, so inject() cannot show it.
 */
import t from 'tap'
import { MAX_JOURNAL_LISTENERS } from '../../server/domain/journal/journal.js'
import { MAX_STREAMS } from '../../server/routes/admin/journal-stream.js'
import { streamToDisplace } from '../../server/routes/admin/stream-fairness.js'
import { startSandbox } from '../support/server.js'
import { openSse, type SseStream } from '../support/sse.js'

t.test('two sessions holding every stream slot do not lock the dashboard out', async (t) => {
  const { url } = await startSandbox(t)
  const streams: SseStream[] = []
  t.teardown(() => { for (const s of streams) s.close() })
  const perSession = MAX_JOURNAL_LISTENERS
  for (const session of ['hog-a', 'hog-b']) {
    for (let i = 0; i < perSession && streams.length < MAX_STREAMS; i++) streams.push(await openSse(`${url}/s/${session}/__admin/requests/stream`))
  }
  t.equal(streams.length, MAX_STREAMS, 'every slot taken')
  t.ok(streams.every((s) => s.response.statusCode === 200))
  const dashboard = await openSse(`${url}/__admin/requests/stream`)
  streams.push(dashboard)
  t.equal(dashboard.response.statusCode, 200, 'the dashboard\'s stream gets in')
  const displaced = await Promise.race([streams[0]!.ended.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))])
  t.ok(displaced, 'the oldest stream of the biggest holder gave way')
})

t.test('a fair share is never taken away', async (t) => {
  const even = Array.from({ length: 4 }, (_, i) => ({ session: `s${i}`, peer: 'p' }))
  t.equal(streamToDisplace(even, { session: 'new', peer: 'p' }), undefined, 'one stream each: the newcomer waits')
  const hog = [{ session: 'a', peer: 'p' }, { session: 'a', peer: 'p' }, { session: 'b', peer: 'p' }]
  t.equal(streamToDisplace(hog, { session: 'c', peer: 'p' }), hog[0], 'the session holding two more gives its oldest')
  const remote = [{ session: 'x', peer: '10.0.0.9' }, { session: 'y', peer: '10.0.0.9' }, { session: 'default', peer: '127.0.0.1' }]
  t.equal(streamToDisplace(remote, { session: 'default', peer: '127.0.0.1' }), remote[0], 'another peer holding several gives way')
})
