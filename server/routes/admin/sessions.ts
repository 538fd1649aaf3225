/**
 * Sessions and time, for QA and CI:
 * - `/__admin/sessions`: list, create (201, with the base URL that isolates an EHR), reset, delete;
 * - `/__admin/reset`: everything back to the start, or one session with `?session=<id>`;
 * - `/__admin/clock`: read, set, advance and reset the request's session clock.
 * Like every admin route, these act on the request's session (`/s/<id>/__admin/...` or
 * `X-Sandbox-Session`) where they do not name one.
 */
import { ClockRangeError } from '../../domain/clock.js'
import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Session } from '../../domain/session.js'
import { SESSION_ID } from '../../domain/sessions.js'
import { AdminError } from '../../domain/admin-error.js'
import { durable } from './durable.js'

const sessionId = z.string().regex(SESSION_ID, '1-64 letters, digits, _ or -')
const createBody = z.object({ id: sessionId.optional() }).strict()

/** A session id from the path or query: its error names where it came from, not the body. */
function idFrom (value: string, where: string): string {
  if (!sessionId.safeParse(value).success) throw new AdminError(400, 'invalid_request', `${where}: a session id is 1-64 letters, digits, _ or -`)
  return value
}
const setBody = z.object({ now: z.iso.datetime({ offset: true }) }).strict()
const advanceBody = z.object({
  seconds: z.number().finite().optional(),
  minutes: z.number().finite().optional(),
  hours: z.number().finite().optional()
}).strict().refine((b) => b.seconds !== undefined || b.minutes !== undefined || b.hours !== undefined, 'give seconds, minutes or hours')

const tag = { tags: ['sandbox control'] }

function describe (request: FastifyRequest, session: Session): Record<string, unknown> {
  const base = request.server.sandbox.config.PUBLIC_URL
  return {
    id: session.id,
    baseUrl: session.id === 'default' ? base : `${base}/s/${session.id}`,
    now: new Date(session.clock.now()).toISOString(),
    clockOffsetMs: session.clock.offsetMs(),
    criticalInformationRecords: session.criticalInfo.size
  }
}

function clockOf (session: Session): Record<string, unknown> {
  return { session: session.id, now: new Date(session.clock.now()).toISOString(), offsetMs: session.clock.offsetMs() }
}

/** A clock move out of range is the caller's mistake (400), and changes nothing. */
function moveClock (move: () => void): void {
  try {
    move()
  } catch (err) {
    if (err instanceof ClockRangeError) throw new AdminError(400, 'invalid_request', err.message)
    throw err
  }
}

const sessions: FastifyPluginAsync = async (app) => {
  const registry = app.sandbox.sessions

  app.get('/sessions', { schema: { ...tag, summary: 'List sandbox sessions' } }, async (request) =>
    registry.list().map((s) => describe(request, s)))

  app.post('/sessions', { schema: { ...tag, summary: 'Create a session (a random id unless one is given)' } }, async (request, reply) => {
    const { id = randomBytes(6).toString('hex') } = createBody.parse(request.body ?? {})
    if (registry.has(id)) throw new AdminError(409, 'conflict', `session '${id}' exists; POST /__admin/sessions/${id}/reset resets it`)
    return reply.code(201).send(describe(request, registry.get(id)))
  })

  app.get<{ Params: { id: string } }>('/sessions/:id', { schema: { ...tag, summary: 'One session' } }, async (request) => {
    if (!registry.has(request.params.id)) throw new AdminError(404, 'not_found', `no session '${request.params.id}'`)
    return describe(request, registry.get(request.params.id))
  })

  app.post<{ Params: { id: string } }>('/sessions/:id/reset', { schema: { ...tag, summary: 'Reset one session to its start' } }, async (request) => {
    const session = registry.reset(idFrom(request.params.id, 'the session id in the path'))
    await durable(request, app.persistence.flush())
    return describe(request, session)
  })

  app.delete<{ Params: { id: string } }>('/sessions/:id', { schema: { ...tag, summary: 'Delete a session (default is reset instead)' } }, async (request, reply) => {
    if (!registry.delete(request.params.id)) throw new AdminError(404, 'not_found', `no session '${request.params.id}'`)
    await durable(request, app.persistence.flush())
    return reply.code(204).send()
  })

  app.post<{ Querystring: { session?: string } }>('/reset', { schema: { ...tag, summary: 'Reset everything, or one session with ?session=<id>' } }, async (request, reply) => {
    const one = request.query.session
    if (one !== undefined) registry.reset(idFrom(one, 'the query parameter session'))
    else registry.resetAll()
    await durable(request, app.persistence.flush())
    return reply.code(204).send()
  })

  app.get('/clock', { schema: { ...tag, summary: "The session's clock" } }, async (request) => clockOf(request.sandboxSession))

  app.put('/clock', { schema: { ...tag, summary: 'Set the session clock: {"now": "2026-01-01T10:00:00Z"}' } }, async (request) => {
    const { now } = setBody.parse(request.body)
    moveClock(() => { request.sandboxSession.clock.set(Date.parse(now)) })
    return clockOf(request.sandboxSession)
  })

  app.post('/clock/advance', { schema: { ...tag, summary: 'Move the session clock: {"seconds"|"minutes"|"hours": n}' } }, async (request) => {
    const { seconds = 0, minutes = 0, hours = 0 } = advanceBody.parse(request.body)
    moveClock(() => { request.sandboxSession.clock.advance(((hours * 60 + minutes) * 60 + seconds) * 1000) })
    return clockOf(request.sandboxSession)
  })

  app.delete('/clock', { schema: { ...tag, summary: 'Back to wall time' } }, async (request) => {
    request.sandboxSession.clock.reset()
    return clockOf(request.sandboxSession)
  })
}

export default sessions
