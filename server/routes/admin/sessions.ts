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
import { describeLazily } from '../../openapi/lazy.js'
import { jsonSchemaOf } from '../../openapi/zod.js'
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

const tag = ['sandbox control']

/** The answer of `sessionView`, for the OpenAPI document. */
const SESSION_SCHEMA = {
  type: 'object',
  required: ['id', 'baseUrl', 'now', 'clockOffsetMs', 'criticalInformationRecords'],
  properties: {
    id: { type: 'string', description: 'The session id' },
    baseUrl: { type: 'string', description: 'The base URL that keeps an EHR in this session (PUBLIC_URL/s/<id>; PUBLIC_URL for default)' },
    now: { type: 'string', format: 'date-time', description: "The session's clock" },
    clockOffsetMs: { type: 'number', description: "The session clock's offset from wall time" },
    criticalInformationRecords: { type: 'integer', description: 'Critical-information records written in the session' }
  }
}
const SESSION_EXAMPLE = { id: 'qa-1', baseUrl: 'http://localhost:8080/s/qa-1', now: '2026-01-01T10:00:00.000Z', clockOffsetMs: 0, criticalInformationRecords: 0 }

/** The answer of `clockOf`. */
const CLOCK_SCHEMA = {
  type: 'object',
  required: ['session', 'now', 'offsetMs'],
  properties: {
    session: { type: 'string' },
    now: { type: 'string', format: 'date-time' },
    offsetMs: { type: 'number', description: 'Offset from wall time; 0 after DELETE /__admin/clock' }
  }
}
const CLOCK_ANSWER = { description: "The session's clock", schema: CLOCK_SCHEMA, example: { session: 'default', now: '2026-01-01T10:00:00.000Z', offsetMs: 0 } }
const SESSION_PARAM = { id: { type: 'string', pattern: SESSION_ID.source, description: 'The session id' } }
const GONE = { 204: { description: 'Done; no body' } }

function sessionView (request: FastifyRequest, session: Session): Record<string, unknown> {
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

  app.get('/sessions', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'List sandbox sessions',
      responses: { 200: { description: 'Every session', schema: { type: 'array', items: SESSION_SCHEMA }, example: [SESSION_EXAMPLE] } }
    }))
  }, async (request) =>
    registry.list().map((s) => sessionView(request, s)))

  app.post('/sessions', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Create a session (a random id unless one is given)',
      description: 'The body is optional: without one (or without id) the id is random. 409 if the session exists.',
      body: { media: 'application/json', schema: jsonSchemaOf(createBody), example: { id: 'qa-1' } },
      responses: { 201: { description: 'The session', schema: SESSION_SCHEMA, example: SESSION_EXAMPLE } }
    }))
  }, async (request, reply) => {
    const { id = randomBytes(6).toString('hex') } = createBody.parse(request.body ?? {})
    if (registry.has(id)) throw new AdminError(409, 'conflict', `session '${id}' exists; POST /__admin/sessions/${id}/reset resets it`)
    return reply.code(201).send(sessionView(request, registry.get(id)))
  })

  app.get<{ Params: { id: string } }>('/sessions/:id', {
    schema: describeLazily(() => ({ tags: tag, summary: 'One session', params: SESSION_PARAM, responses: { 200: { description: 'The session', schema: SESSION_SCHEMA, example: SESSION_EXAMPLE } } }))
  }, async (request) => {
    if (!registry.has(request.params.id)) throw new AdminError(404, 'not_found', `no session '${request.params.id}'`)
    return sessionView(request, registry.get(request.params.id))
  })

  app.post<{ Params: { id: string } }>('/sessions/:id/reset', {
    schema: describeLazily(() => ({ tags: tag, summary: 'Reset one session to its start (created if it does not exist); no body', params: SESSION_PARAM, responses: { 200: { description: 'The session after the reset', schema: SESSION_SCHEMA, example: SESSION_EXAMPLE } } }))
  }, async (request) => {
    const session = registry.reset(idFrom(request.params.id, 'the session id in the path'))
    await durable(request, app.persistence.flush())
    return sessionView(request, session)
  })

  app.delete<{ Params: { id: string } }>('/sessions/:id', {
    schema: describeLazily(() => ({ tags: tag, summary: 'Delete a session (default is reset instead)', params: SESSION_PARAM, responses: GONE }))
  }, async (request, reply) => {
    if (!registry.delete(request.params.id)) throw new AdminError(404, 'not_found', `no session '${request.params.id}'`)
    await durable(request, app.persistence.flush())
    return reply.code(204).send()
  })

  app.post<{ Querystring: { session?: string } }>('/reset', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Reset everything, or one session with ?session=<id>; no body',
      query: { session: { type: 'string', pattern: SESSION_ID.source, description: 'Reset only this session' } },
      responses: GONE
    }))
  }, async (request, reply) => {
    const one = request.query.session
    if (one !== undefined) registry.reset(idFrom(one, 'the query parameter session'))
    else registry.resetAll()
    await durable(request, app.persistence.flush())
    return reply.code(204).send()
  })

  app.get('/clock', { schema: describeLazily(() => ({ tags: tag, summary: "The session's clock", responses: { 200: CLOCK_ANSWER } })) }, async (request) => clockOf(request.sandboxSession))

  app.put('/clock', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Set the session clock: {"now": "2026-01-01T10:00:00Z"}',
      body: { media: 'application/json', schema: jsonSchemaOf(setBody), example: { now: '2026-01-01T10:00:00Z' } },
      responses: { 200: CLOCK_ANSWER }
    }))
  }, async (request) => {
    const { now } = setBody.parse(request.body)
    moveClock(() => { request.sandboxSession.clock.set(Date.parse(now)) })
    return clockOf(request.sandboxSession)
  })

  app.post('/clock/advance', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Move the session clock: {"seconds"|"minutes"|"hours": n}',
      body: { media: 'application/json', schema: jsonSchemaOf(advanceBody), example: { hours: 1 } },
      responses: { 200: CLOCK_ANSWER }
    }))
  }, async (request) => {
    const { seconds = 0, minutes = 0, hours = 0 } = advanceBody.parse(request.body)
    moveClock(() => { request.sandboxSession.clock.advance(((hours * 60 + minutes) * 60 + seconds) * 1000) })
    return clockOf(request.sandboxSession)
  })

  app.delete('/clock', { schema: describeLazily(() => ({ tags: tag, summary: 'Back to wall time', responses: { 200: CLOCK_ANSWER } })) }, async (request) => {
    request.sandboxSession.clock.reset()
    return clockOf(request.sandboxSession)
  })
}

export default sessions
