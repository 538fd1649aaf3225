/**
 * What the session's clients did:
 * - `/__admin/requests`: the request journal (filter, count, clear);
 * - `/__admin/coverage`: endpoints, helseindikator statuses and codes served so far (read, clear).
 * Both are the request's session's (`/s/<id>/__admin/...` or `X-Sandbox-Session`).
 */
import type { FastifyPluginAsync } from 'fastify'
import { journalFilterSchema, journalListSchema } from '../../domain/journal/query.js'
import { COVERAGE_SCHEMA } from '../../domain/journal/coverage-schema.js'
import { JOURNAL_PAGE_SCHEMA } from '../../domain/journal/entry-schema.js'
import { describeLazily } from '../../openapi/lazy.js'
import { queryParamsOf } from '../../openapi/zod.js'
import { parse } from './parse.js'

const journalTag = ['journal and coverage']
const FORGOTTEN = { 204: { description: 'Done; no body' } }

const requests: FastifyPluginAsync = async (app) => {
  app.get('/requests', {
    schema: describeLazily(() => ({
      tags: journalTag,
      summary: 'The session\'s requests, newest first: ?path (substring or glob *), method, status (403 or 4xx), code, eventId, since, until (ISO), limit',
      query: queryParamsOf(journalListSchema),
      responses: { 200: { description: 'The matching requests', schema: JOURNAL_PAGE_SCHEMA } }
    }))
  }, async (request) => {
    const { limit, ...filter } = parse(journalListSchema, request.query, 'invalid query')
    return request.sandboxSession.journal.query(filter, limit)
  })

  app.get('/requests/count', {
    schema: describeLazily(() => ({
      tags: journalTag,
      summary: 'How many requests match (the filters of GET /requests)',
      query: queryParamsOf(journalFilterSchema),
      responses: { 200: { description: 'The count', schema: { type: 'object', required: ['count'], properties: { count: { type: 'integer', minimum: 0 } } }, example: { count: 3 } } }
    }))
  }, async (request) => {
    const filter = parse(journalFilterSchema, request.query, 'invalid query')
    return { count: request.sandboxSession.journal.count(filter) }
  })

  app.delete('/requests', { schema: describeLazily(() => ({ tags: journalTag, summary: 'Forget the session\'s requests', responses: FORGOTTEN })) }, async (request, reply) => {
    request.sandboxSession.journal.clear()
    return reply.code(204).send()
  })

  app.get('/coverage', {
    schema: describeLazily(() => ({
      tags: journalTag,
      summary: 'Endpoints, helseindikator statuses and error codes served to the session, and codes not served yet',
      responses: { 200: { description: 'The coverage', schema: COVERAGE_SCHEMA } }
    }))
  }, async (request) =>
    request.sandboxSession.coverage.snapshot())

  app.delete('/coverage', { schema: describeLazily(() => ({ tags: journalTag, summary: 'Start the session\'s coverage afresh', responses: FORGOTTEN })) }, async (request, reply) => {
    request.sandboxSession.coverage.clear()
    return reply.code(204).send()
  })
}

export default requests
