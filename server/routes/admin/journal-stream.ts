/**
 * GET /__admin/requests/stream: the session's request journal live, as server-sent events. First
 * the entries after `Last-Event-ID` (or the newest `backlog`, 50 by default), then each request
 * as it is journaled. Bounded everywhere: at most MAX_STREAMS open streams in the app (and
 * MAX_JOURNAL_LISTENERS per session; at the app's cap the biggest holder gives way, see
 * stream-fairness.ts), a stream whose client stops reading is ended rather than
 * buffered for, and a heartbeat comment keeps idle sockets alive and finds dead ones. A stream
 * ends when its client goes, when its session is reset or deleted (the client reconnects and
 * gets the new journal), and when the app closes: in `preClose`, because Fastify's `onClose`
 * runs only after the HTTP server has closed, and that waits for every open stream.
 */
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import type { JournalEntry } from '../../domain/journal/entry.js'
import { lastEventId, requestMessage, SSE_HEARTBEAT, SSE_RETRY_MS, sseMessage } from '../../domain/journal/live.js'
import { AdminError } from '../../domain/admin-error.js'
import { describeLazily } from '../../openapi/lazy.js'
import { queryParamsOf } from '../../openapi/zod.js'
import { streamToDisplace, type StreamHolder } from './stream-fairness.js'

export const MAX_STREAMS = 64
const HEARTBEAT_MS = 15_000
/** A client this far behind is not reading: its stream ends (it may reconnect with Last-Event-ID). */
const MAX_BUFFERED_BYTES = 1024 * 1024

const streamQuery = z.object({
  backlog: z.coerce.number().int().min(0).max(1000).default(50),
  lastEventId: z.string().max(20).optional()
}).strict()

interface OpenStream extends StreamHolder {
  end (reason: string): void
}

const journalStream: FastifyPluginAsync = async (app) => {
  const open = new Set<OpenStream>()
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.end('shutdown')
  })

  app.get('/requests/stream', {
    schema: describeLazily(() => ({
      tags: ['journal and coverage'],
      summary: 'The session\'s requests live (text/event-stream): `request` events with id = seq; ?backlog (default 50) older ones first, or those after Last-Event-ID',
      query: queryParamsOf(streamQuery),
      headers: { properties: { 'Last-Event-ID': { type: 'string', description: 'Resume after this seq (the id of the last event seen)' } } },
      responses: {
        200: {
          description: 'Server-sent events: `hello` ({session, lastSeq}), then `request` (a journal entry, id = seq), and `end` ({reason}) when the stream ends',
          media: 'text/event-stream',
          schema: { type: 'string' }
        }
      }
    }))
  }, async (request, reply) => {
    const parsed = streamQuery.safeParse(request.query ?? {})
    if (!parsed.success) throw new AdminError(400, 'invalid_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
    if (open.size >= MAX_STREAMS) {
      const giveWay = streamToDisplace([...open], { session: request.sandboxSession.id, peer: request.ip })
      if (giveWay === undefined) throw new AdminError(503, 'too_many_streams', `at most ${MAX_STREAMS} journal streams are open at once; close one`)
      giveWay.end('displaced')
    }
    const journal = request.sandboxSession.journal
    const after = lastEventId(request.headers['last-event-id']) ?? lastEventId(parsed.data.lastEventId)
    // A Last-Event-ID past the journal's end came from a journal since replaced (a reset): start over.
    const backlog = after !== undefined && after <= journal.lastSeq
      ? journal.since(after, journal.capacity)
      : journal.since(0, after !== undefined ? journal.capacity : parsed.data.backlog)

    const res = reply.raw
    const state: { ended: boolean, heartbeat?: NodeJS.Timeout, unsubscribe?: (() => void) | undefined } = { ended: false }
    const finish = (): void => {
      if (state.ended) return
      state.ended = true
      clearInterval(state.heartbeat)
      state.unsubscribe?.()
      open.delete(stream)
      if (!res.writableEnded) res.end()
    }
    const send = (text: string): void => {
      if (state.ended) return
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        request.log.warn('journal stream: the client is not reading; ending its stream')
        finish()
        return
      }
      res.write(text)
    }
    const stream: OpenStream = {
      session: request.sandboxSession.id,
      peer: request.ip,
      end (reason) {
        send(sseMessage('end', { reason }))
        finish()
      }
    }
    state.unsubscribe = journal.subscribe({
      entry: (entry: JournalEntry) => { send(requestMessage(entry)) },
      end: () => { stream.end('session reset') }
    })
    if (state.unsubscribe === undefined) throw new AdminError(503, 'too_many_streams', 'this session has as many live journal listeners as it takes; close one')

    reply.hijack()
    open.add(stream)
    res.on('close', finish)
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      connection: 'keep-alive',
      // Reverse proxies (nginx) must not hold events back to buffer them.
      'x-accel-buffering': 'no'
    })
    send(`retry: ${SSE_RETRY_MS}\n\n`)
    send(sseMessage('hello', { session: request.sandboxSession.id, lastSeq: journal.lastSeq }))
    for (const entry of backlog) send(requestMessage(entry))
    state.heartbeat = setInterval(() => { send(SSE_HEARTBEAT) }, HEARTBEAT_MS)
    state.heartbeat.unref()
    return reply
  })
}

export default journalStream
