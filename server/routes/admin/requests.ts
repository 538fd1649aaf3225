/**
 * What the session's clients did:
 * - `/__admin/requests`: the request journal (filter, count, clear);
 * - `/__admin/coverage`: endpoints, helseindikator statuses and codes served so far (read, clear).
 * Both are the request's session's (`/s/<id>/__admin/...` or `X-Sandbox-Session`).
 */
import type { FastifyPluginAsync } from 'fastify'
import { journalFilterSchema, journalListSchema } from '../../domain/journal/query.js'
import { parse } from './parse.js'

const journalTag = { tags: ['journal and coverage'] }

const requests: FastifyPluginAsync = async (app) => {
  app.get('/requests', { schema: { ...journalTag, summary: 'The session\'s requests, newest first: ?path (substring or glob *), method, status (403 or 4xx), code, eventId, since, until (ISO), limit' } }, async (request) => {
    const { limit, ...filter } = parse(journalListSchema, request.query, 'invalid query')
    return request.sandboxSession.journal.query(filter, limit)
  })

  app.get('/requests/count', { schema: { ...journalTag, summary: 'How many requests match (the filters of GET /requests)' } }, async (request) => {
    const filter = parse(journalFilterSchema, request.query, 'invalid query')
    return { count: request.sandboxSession.journal.count(filter) }
  })

  app.delete('/requests', { schema: { ...journalTag, summary: 'Forget the session\'s requests' } }, async (request, reply) => {
    request.sandboxSession.journal.clear()
    return reply.code(204).send()
  })

  app.get('/coverage', { schema: { ...journalTag, summary: 'Endpoints, helseindikator statuses and error codes served to the session, and codes not served yet' } }, async (request) =>
    request.sandboxSession.coverage.snapshot())

  app.delete('/coverage', { schema: { ...journalTag, summary: 'Start the session\'s coverage afresh' } }, async (request, reply) => {
    request.sandboxSession.coverage.clear()
    return reply.code(204).send()
  })
}

export default requests
