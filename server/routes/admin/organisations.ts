/**
 * `/__admin/organisations`: Kjernejournal's organisation register at run time, so a vendor's own
 * organisation numbers work (or are refused with 226/227/331 on purpose) without a fixture fork.
 * Shared by all sessions like the clients; every change goes through the world's verbs, which also
 * store it (DATA_DIR). Bodies are fixture entries; PUT keeps the fields it is not given.
 */
import type { FastifyPluginAsync } from 'fastify'
import { AdminError } from '../../domain/admin-error.js'
import { checkChangedOrganisation, checkNewOrganisation, childrenOf } from '../../domain/world/organisation-register.js'
import { organisationSchema } from '../../domain/world/organisations.js'
import { describeLazily, once } from '../../openapi/lazy.js'
import { jsonSchemaOf } from '../../openapi/zod.js'
import { durable } from './durable.js'
import { parse } from './parse.js'

const worldTag = ['reference data']

/** What the register holds and answers (defaults filled in), and what POST takes. */
const ORGANISATION = once(() => jsonSchemaOf(organisationSchema, 'output'))
const NEW_ORGANISATION = once(() => jsonSchemaOf(organisationSchema, 'input'))
/** PUT merges into the current entry: any field may be left out. */
const CHANGED_ORGANISATION = once(() => {
  const { required: _all, ...partial } = NEW_ORGANISATION()
  return partial
})
const EXAMPLE = { orgnr: '999999999', name: 'Legekontoret AS', access: true, active: true, note: '' }
const ORGNR_PARAM = { orgnr: { type: 'string', pattern: '^\\d{9}$', description: 'The organisation number' } }
const answer = (description: string) => ({ description, schema: ORGANISATION(), example: EXAMPLE })

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const organisations: FastifyPluginAsync = async (app) => {
  const { sandbox } = app
  // The map lives as long as the sandbox (a fixture reload refills it in place).
  const register = sandbox.world.organisations
  const known = (orgnr: string) => {
    const organisation = register.get(orgnr)
    if (organisation === undefined) throw new AdminError(404, 'not_found', `no organisation ${orgnr}; POST /__admin/organisations {"orgnr":"${orgnr}","name":"..."} adds it`)
    return organisation
  }

  app.get('/organisations', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'Kjernejournal\'s organisation register: fixtures and run-time changes',
      responses: {
        200: {
          description: 'Every organisation',
          schema: { type: 'object', required: ['total', 'organisations'], properties: { total: { type: 'integer' }, organisations: { type: 'array', items: ORGANISATION() } } },
          example: { total: 1, organisations: [EXAMPLE] }
        }
      }
    }))
  }, async () =>
    ({ total: register.size, organisations: [...register.values()] }))

  app.get<{ Params: { orgnr: string } }>('/organisations/:orgnr', {
    schema: describeLazily(() => ({ tags: worldTag, summary: 'One organisation', params: ORGNR_PARAM, responses: { 200: answer('The organisation') } }))
  }, async (request) =>
    known(request.params.orgnr))

  app.post('/organisations', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'Add an organisation for every session ({orgnr, name, parent?, access?, active?}); 400 if it exists',
      body: { media: 'application/json', schema: NEW_ORGANISATION(), example: { orgnr: '999999999', name: 'Legekontoret AS' } },
      responses: { 201: { ...answer('The organisation as registered'), headers: { location: { type: 'string', description: 'Its URL' } } } }
    }))
  }, async (request, reply) => {
    const entry = parse(organisationSchema, request.body, 'invalid organisation')
    checkNewOrganisation(entry, register)
    await durable(request, sandbox.operations.addOrganisation(entry))
    request.log.info({ orgnr: entry.orgnr }, 'organisation added')
    return reply.code(201).header('location', `/__admin/organisations/${entry.orgnr}`).send(entry)
  })

  app.put<{ Params: { orgnr: string } }>('/organisations/:orgnr', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'Change an organisation (e.g. {"active": false}); fields not given keep their value',
      params: ORGNR_PARAM,
      body: { media: 'application/json', schema: CHANGED_ORGANISATION(), example: { active: false } },
      responses: { 200: answer('The organisation after the change') }
    }))
  }, async (request) => {
    const current = known(request.params.orgnr)
    const body = request.body ?? {}
    if (!isObject(body)) throw new AdminError(400, 'invalid_request', 'invalid organisation: expected a JSON object')
    if (body.orgnr !== undefined && body.orgnr !== current.orgnr) throw new AdminError(400, 'invalid_request', 'orgnr: differs from the one in the path; an organisation number cannot change', [{ path: ['orgnr'], message: 'differs from the path' }])
    const entry = parse(organisationSchema, { ...current, ...body, orgnr: current.orgnr }, 'invalid organisation')
    checkChangedOrganisation(entry, register)
    await durable(request, sandbox.operations.addOrganisation(entry))
    return entry
  })

  app.delete<{ Params: { orgnr: string } }>('/organisations/:orgnr', {
    schema: describeLazily(() => ({ tags: worldTag, summary: 'Remove an organisation: Kjernejournal then answers KJF-000226 for it', params: ORGNR_PARAM, responses: { 204: { description: 'Removed; no body' } } }))
  }, async (request, reply) => {
    const { orgnr } = known(request.params.orgnr)
    const children = childrenOf(orgnr, register)
    if (children.length > 0) throw new AdminError(409, 'conflict', `organisation ${orgnr} is the parent of ${children.join(', ')}; delete those first`)
    await durable(request, sandbox.operations.deleteOrganisation(orgnr))
    return reply.code(204).send()
  })
}

export default organisations
