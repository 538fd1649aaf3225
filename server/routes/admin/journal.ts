/**
 * What the session's clients did, and the sandbox's reference data:
 * - `/__admin/requests`: the request journal (filter, count, clear);
 * - `/__admin/coverage`: endpoints, helseindikator statuses and codes served so far (read, clear);
 * - `/__admin/errors`: the error catalogue, searchable;
 * - `/__admin/patients`: the synthetic patients; POST adds one for every session.
 * Journal and coverage are the request's session's (`/s/<id>/__admin/...` or `X-Sandbox-Session`).
 */
import type { FastifyPluginAsync } from 'fastify'
import type { z } from 'zod'
import { seedCriticalInfo } from '../../domain/critical-info/seed.js'
import { catalogueQuerySchema, findCatalogueEntry, searchCatalogue } from '../../domain/journal/catalogue-search.js'
import { journalFilterSchema, journalListSchema } from '../../domain/journal/query.js'
import { patientSchema } from '../../domain/world/patients.js'
import { AdminError } from '../../domain/admin-error.js'
import { durable } from './durable.js'

/** Patients added at run time live as long as the sandbox: bounded like every other store. */
const MAX_PATIENTS = 100_000

const journalTag = { tags: ['journal and coverage'] }
const worldTag = { tags: ['reference data'] }

function describeIssues (issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message).join('; ')
}

/** Parses with the schema; bad input is a 400 naming the offending fields. */
function parse<T extends z.ZodType> (schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input ?? {})
  if (!result.success) throw new AdminError(400, 'invalid_request', `${what}: ${describeIssues(result.error.issues)}`, result.error.issues)
  return result.data
}

const journal: FastifyPluginAsync = async (app) => {
  const { sandbox } = app

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

  app.get('/errors', { schema: { ...worldTag, summary: 'The error catalogue: ?face, code (prefix), q (words in the text)' } }, async (request) => {
    const errors = searchCatalogue(parse(catalogueQuerySchema, request.query, 'invalid query'))
    return { total: errors.length, errors }
  })

  app.get<{ Params: { code: string } }>('/errors/:code', { schema: { ...worldTag, summary: 'One catalogue entry' } }, async (request) => {
    const entry = findCatalogueEntry(request.params.code)
    if (entry === undefined) throw new AdminError(404, 'not_found', `no error code '${request.params.code}' in the catalogue`)
    return entry
  })

  // The world object and its maps live as long as the sandbox (a fixture reload refills them in
  // place and keeps patients added here), so holding the map is safe.
  const patients = sandbox.world.patients

  app.get('/patients', { schema: { ...worldTag, summary: 'The synthetic patients: fixtures and those added at run time' } }, async () =>
    ({ total: patients.size, patients: [...patients.values()] }))

  app.get<{ Params: { nin: string } }>('/patients/:nin', { schema: { ...worldTag, summary: 'One patient' } }, async (request) => {
    const patient = patients.get(request.params.nin)
    if (patient === undefined) throw new AdminError(404, 'not_found', `no patient ${request.params.nin}; any other valid number is an ordinary patient with nothing registered`)
    return patient
  })

  app.post('/patients', { schema: { ...worldTag, summary: 'Add a patient for every session (fields as in fixtures/patients.json); 409 if the nin exists' } }, async (request, reply) => {
    const patient = parse(patientSchema, request.body, 'invalid patient')
    if (patients.has(patient.nin)) throw new AdminError(409, 'conflict', `patient ${patient.nin} exists; patients cannot be replaced at run time`)
    if (patients.size >= MAX_PATIENTS) throw new AdminError(409, 'limit_reached', `the sandbox holds at most ${MAX_PATIENTS} patients`)
    patients.set(patient.nin, patient)
    // Sessions made from now on seed from the world; those that exist get the patient's critical
    // information now, so helseindikator answers status 4 in them too.
    for (const session of sandbox.sessions.list()) seedCriticalInfo(session.criticalInfo, [patient])
    await durable(request, app.persistence.patientAdded(patient))
    request.log.info({ nin: patient.nin }, 'patient added')
    return reply.code(201).header('location', `/__admin/patients/${patient.nin}`).send(patient)
  })
}

export default journal
