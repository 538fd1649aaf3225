/**
 * Migration readiness, per session like the journal and the clock:
 * - `/__admin/readiness`: verdict, findings and checklist as JSON, or `?format=junit` as JUnit XML
 *   for CI test reports; DELETE forgets the findings;
 * - `/__admin/profile`: the session's profile, `lenient` (default) or `strict`; PUT changes it
 *   until the session is reset.
 */
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { PROFILES } from '../../domain/readiness/profile.js'
import { readinessJunit } from '../../domain/readiness/junit.js'
import { readinessReport } from '../../domain/readiness/report.js'
import { READINESS_REPORT_SCHEMA } from '../../domain/readiness/report-schema.js'
import { describeLazily } from '../../openapi/lazy.js'
import { jsonSchemaOf, queryParamsOf } from '../../openapi/zod.js'
import { parse } from './parse.js'

const tag = ['readiness']
const readinessQuery = z.object({ format: z.enum(['json', 'junit']).default('json') }).strict()
const profileBody = z.object({ profile: z.enum(PROFILES) }).strict()
const PROFILE_ANSWER = {
  description: "The session's profile",
  schema: { type: 'object', required: ['session', 'profile'], properties: { session: { type: 'string' }, profile: { enum: [...PROFILES] } } },
  example: { session: 'default', profile: 'strict' }
}

const readiness: FastifyPluginAsync = async (app) => {
  app.get('/readiness', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'The session\'s migration readiness: verdict, findings (what worked here but will not at NHN) and checklist; ?format=junit for JUnit XML',
      query: queryParamsOf(readinessQuery),
      responses: {
        200: { description: 'The report: JSON, or JUnit XML with ?format=junit', schema: READINESS_REPORT_SCHEMA, alsoAs: { 'application/xml': { type: 'string', description: 'JUnit XML: a test case per finding and checklist item' } } }
      }
    }))
  }, async (request, reply) => {
    const { format } = parse(readinessQuery, request.query, 'invalid query')
    const session = request.sandboxSession
    const report = readinessReport(session.id, session.readiness.profile, session.readiness.findings, session.coverage.snapshot())
    if (format === 'junit') return reply.type('application/xml; charset=utf-8').send(readinessJunit(report))
    return report
  })

  app.delete('/readiness', { schema: describeLazily(() => ({ tags: tag, summary: 'Forget the session\'s readiness findings (the checklist follows DELETE /__admin/coverage)', responses: { 204: { description: 'Done; no body' } } })) }, async (request, reply) => {
    request.sandboxSession.readiness.clear()
    return reply.code(204).send()
  })

  app.get('/profile', { schema: describeLazily(() => ({ tags: tag, summary: 'The session\'s profile: lenient or strict', responses: { 200: PROFILE_ANSWER } })) }, async (request) =>
    ({ session: request.sandboxSession.id, profile: request.sandboxSession.readiness.profile }))

  app.put('/profile', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Set the session\'s profile: {"profile":"strict"} answers as the real service does where the sandbox is lenient; reset with the session',
      body: { media: 'application/json', schema: jsonSchemaOf(profileBody), example: { profile: 'strict' } },
      responses: { 200: PROFILE_ANSWER }
    }))
  }, async (request) => {
    const { profile } = parse(profileBody, request.body, 'invalid body')
    request.sandboxSession.readiness.profile = profile
    return { session: request.sandboxSession.id, profile }
  })
}

export default readiness
