/**
 * Client registration at run time, so a vendor can use their own key pair:
 * POST (create, 201; 409 if taken), PUT /:client_id (create or replace), GET, DELETE. Changes go
 * through the world's verbs, which also store them (DATA_DIR). A registration brings the
 * organisations Kjernejournal does not know yet (its orgnr_parent and orgnr_child), so a vendor's
 * own numbers work at once; `"registerOrganisations": false` leaves the register alone (to see
 * KJF-000226). The directive is read here and not kept with the client.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { clientRegistrationSchema, describeClient, MAX_CLIENTS, type ClientRegistration } from '../../domain/helseid/clients.js'
import { AdminError } from '../../domain/admin-error.js'
import { organisationsBroughtBy } from '../../domain/world/organisation-register.js'
import { organisationSchema, type Organisation } from '../../domain/world/organisations.js'
import type { JsonSchema } from '../../openapi/components.js'
import { describeLazily, once } from '../../openapi/lazy.js'
import { jsonSchemaOf } from '../../openapi/zod.js'
import { durable } from './durable.js'

type ObjectSchema = JsonSchema & { properties: Record<string, JsonSchema>, required?: string[] }

const tag = ['sandbox control']
const DIRECTIVE = { registerOrganisations: { type: 'boolean', default: true, description: 'Add the client\'s orgnr_parent and orgnr_child to the organisation register when unknown (default true)' } }

/** What POST and PUT take: a registration, plus the directive read here. */
const REGISTRATION = once((): JsonSchema => {
  const registration = jsonSchemaOf(clientRegistrationSchema, 'input') as ObjectSchema
  return { ...registration, properties: { ...registration.properties, ...DIRECTIVE } }
})

/** PUT takes the client_id from the path when the body has none. */
const REPLACEMENT = once((): JsonSchema => {
  const registration = REGISTRATION() as ObjectSchema
  return { ...registration, required: (registration.required ?? []).filter((name) => name !== 'client_id') }
})

/** `describeClient`'s answer: the registration without the secret, with the auth method. */
const CLIENT = once((): JsonSchema => {
  const registration = jsonSchemaOf(clientRegistrationSchema, 'output') as ObjectSchema
  const { client_secret: _secret, ...properties } = registration.properties
  return {
    ...registration,
    properties: { ...properties, token_endpoint_auth_method: { enum: ['private_key_jwt', 'client_secret_post'] } },
    required: [...(registration.required ?? []), 'token_endpoint_auth_method']
  }
})

/** POST and PUT also list the organisations the registration brought. */
const REGISTERED = once((): JsonSchema => {
  const client = CLIENT() as ObjectSchema
  return {
    ...client,
    properties: { ...client.properties, organisationsAdded: { type: 'array', items: jsonSchemaOf(organisationSchema, 'output'), description: 'Organisations added to the register with this client' } },
    required: [...(client.required ?? []), 'organisationsAdded']
  }
})

const CLIENT_PARAM = { clientId: { type: 'string', description: 'The client_id' } }
const EXAMPLE = { client_id: 'my-ehr', client_name: 'My EHR', jwks: { keys: [{ kty: 'RSA', kid: 'k1', n: '0vx7...', e: 'AQAB' }] }, orgnr_parent: '999999999' }

/** The registration without the directive, and whether organisations come along (default yes). */
function splitDirective (body: unknown): { registration: unknown, registerOrganisations: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('registerOrganisations' in body)) return { registration: body, registerOrganisations: true }
  const { registerOrganisations, ...registration } = body as Record<string, unknown>
  if (typeof registerOrganisations !== 'boolean') {
    throw new AdminError(400, 'invalid_request', 'registerOrganisations: expected true or false', [{ path: ['registerOrganisations'], message: 'expected a boolean' }])
  }
  return { registration, registerOrganisations }
}

const clients: FastifyPluginAsync = async (app) => {
  const registry = app.sandbox.clients
  const checkRoom = (clientId: string): void => {
    if (!registry.has(clientId) && registry.size >= MAX_CLIENTS) throw new AdminError(409, 'limit_reached', `the sandbox holds at most ${MAX_CLIENTS} clients; delete some first`)
  }

  /** Adds what the client brings to the organisation register; the answer lists it. */
  const bringOrganisations = async (request: FastifyRequest, registration: ClientRegistration, wanted: boolean): Promise<Organisation[]> => {
    if (!wanted) return []
    const added = organisationsBroughtBy(registration, app.sandbox.world.organisations)
    for (const organisation of added) await durable(request, app.sandbox.operations.addOrganisation(organisation))
    if (added.length > 0) request.log.info({ client_id: registration.client_id, orgnrs: added.map((o) => o.orgnr) }, 'organisations added with a client')
    return added
  }

  app.get('/clients', {
    schema: describeLazily(() => ({ tags: tag, summary: 'The HelseID clients: fixtures and those registered at run time (never a secret)', responses: { 200: { description: 'Every client', schema: { type: 'array', items: CLIENT() } } } }))
  }, async () => registry.list().map(describeClient))

  app.get<{ Params: { clientId: string } }>('/clients/:clientId', {
    schema: describeLazily(() => ({ tags: tag, summary: 'One client', params: CLIENT_PARAM, responses: { 200: { description: 'The client', schema: CLIENT() } } }))
  }, async (request) => {
    const client = registry.get(request.params.clientId)
    if (client === undefined) throw new AdminError(404, 'not_found', `no client '${request.params.clientId}'`)
    return describeClient(client)
  })

  app.post('/clients', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Register a client (your own key pair): 201; 409 if the client_id is taken',
      body: { media: 'application/json', schema: REGISTRATION(), example: EXAMPLE },
      responses: { 201: { description: 'The client, and the organisations it brought', schema: REGISTERED(), headers: { location: { type: 'string', description: 'Its URL' } } } }
    }))
  }, async (request, reply) => {
    const { registration: body, registerOrganisations } = splitDirective(request.body)
    const registration = clientRegistrationSchema.parse(body)
    if (registry.has(registration.client_id)) {
      throw new AdminError(409, 'conflict', `client '${registration.client_id}' exists; PUT /__admin/clients/${registration.client_id} replaces it`)
    }
    checkRoom(registration.client_id)
    const client = await durable(request, app.sandbox.operations.addClient(registration))
    request.log.info({ client_id: client.client_id }, 'client registered')
    const organisationsAdded = await bringOrganisations(request, registration, registerOrganisations)
    return reply.code(201).header('location', `/__admin/clients/${encodeURIComponent(client.client_id)}`).send({ ...describeClient(client), organisationsAdded })
  })

  app.put<{ Params: { clientId: string } }>('/clients/:clientId', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Create or replace a client (client_id defaults to the one in the path)',
      params: CLIENT_PARAM,
      body: { media: 'application/json', schema: REPLACEMENT(), example: EXAMPLE },
      responses: {
        200: { description: 'Replaced', schema: REGISTERED() },
        201: { description: 'Created', schema: REGISTERED() }
      }
    }))
  }, async (request, reply) => {
    const { registration: given, registerOrganisations } = splitDirective(request.body)
    const body = (given ?? {}) as Record<string, unknown>
    const registration = clientRegistrationSchema.parse({ ...body, client_id: body.client_id ?? request.params.clientId })
    if (registration.client_id !== request.params.clientId) throw new AdminError(400, 'invalid_request', 'client_id in the body differs from the one in the path')
    const existed = registry.has(registration.client_id)
    checkRoom(registration.client_id)
    const client = await durable(request, app.sandbox.operations.addClient(registration))
    const organisationsAdded = await bringOrganisations(request, registration, registerOrganisations)
    return reply.code(existed ? 200 : 201).send({ ...describeClient(client), organisationsAdded })
  })

  app.delete<{ Params: { clientId: string } }>('/clients/:clientId', {
    schema: describeLazily(() => ({ tags: tag, summary: 'Remove a client', params: CLIENT_PARAM, responses: { 204: { description: 'Removed; no body' } } }))
  }, async (request, reply) => {
    if (!registry.has(request.params.clientId)) throw new AdminError(404, 'not_found', `no client '${request.params.clientId}'`)
    await durable(request, app.sandbox.operations.deleteClient(request.params.clientId))
    return reply.code(204).send()
  })
}

export default clients
