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
import { parse } from './parse.js'

const tag = { tags: ['readiness'] }
const readinessQuery = z.object({ format: z.enum(['json', 'junit']).default('json') }).strict()
const profileBody = z.object({ profile: z.enum(PROFILES) }).strict()

const readiness: FastifyPluginAsync = async (app) => {
  app.get('/readiness', { schema: { ...tag, summary: 'The session\'s migration readiness: verdict, findings (what worked here but will not at NHN) and checklist; ?format=junit for JUnit XML' } }, async (request, reply) => {
    const { format } = parse(readinessQuery, request.query, 'invalid query')
    const session = request.sandboxSession
    const report = readinessReport(session.id, session.readiness.profile, session.readiness.findings, session.coverage.snapshot())
    if (format === 'junit') return reply.type('application/xml; charset=utf-8').send(readinessJunit(report))
    return report
  })

  app.delete('/readiness', { schema: { ...tag, summary: 'Forget the session\'s readiness findings (the checklist follows DELETE /__admin/coverage)' } }, async (request, reply) => {
    request.sandboxSession.readiness.clear()
    return reply.code(204).send()
  })

  app.get('/profile', { schema: { ...tag, summary: 'The session\'s profile: lenient or strict' } }, async (request) =>
    ({ session: request.sandboxSession.id, profile: request.sandboxSession.readiness.profile }))

  app.put('/profile', { schema: { ...tag, summary: 'Set the session\'s profile: {"profile":"strict"} answers as the real service does where the sandbox is lenient; reset with the session' } }, async (request) => {
    const { profile } = parse(profileBody, request.body, 'invalid body')
    request.sandboxSession.readiness.profile = profile
    return { session: request.sandboxSession.id, profile }
  })
}

export default readiness
