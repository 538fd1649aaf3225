/**
 * Client registration at run time, so a vendor can use their own key pair:
 * POST (create, 201; 409 if taken), PUT /:client_id (create or replace), GET, DELETE. Changes go
 * through the world's verbs, which also store them (DATA_DIR).
 */
import type { FastifyPluginAsync } from 'fastify'
import { clientRegistrationSchema, describeClient, MAX_CLIENTS } from '../../domain/helseid/clients.js'
import { AdminError } from '../../domain/admin-error.js'
import { durable } from './durable.js'

const clients: FastifyPluginAsync = async (app) => {
  const registry = app.sandbox.clients
  const checkRoom = (clientId: string): void => {
    if (!registry.has(clientId) && registry.size >= MAX_CLIENTS) throw new AdminError(409, 'limit_reached', `the sandbox holds at most ${MAX_CLIENTS} clients; delete some first`)
  }

  app.get('/clients', async () => registry.list().map(describeClient))

  app.get<{ Params: { clientId: string } }>('/clients/:clientId', async (request) => {
    const client = registry.get(request.params.clientId)
    if (client === undefined) throw new AdminError(404, 'not_found', `no client '${request.params.clientId}'`)
    return describeClient(client)
  })

  app.post('/clients', async (request, reply) => {
    const registration = clientRegistrationSchema.parse(request.body)
    if (registry.has(registration.client_id)) {
      throw new AdminError(409, 'conflict', `client '${registration.client_id}' exists; PUT /__admin/clients/${registration.client_id} replaces it`)
    }
    checkRoom(registration.client_id)
    const client = await durable(request, app.sandbox.operations.addClient(registration))
    request.log.info({ client_id: client.client_id }, 'client registered')
    return reply.code(201).header('location', `/__admin/clients/${encodeURIComponent(client.client_id)}`).send(describeClient(client))
  })

  app.put<{ Params: { clientId: string } }>('/clients/:clientId', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const registration = clientRegistrationSchema.parse({ ...body, client_id: body.client_id ?? request.params.clientId })
    if (registration.client_id !== request.params.clientId) throw new AdminError(400, 'invalid_request', 'client_id in the body differs from the one in the path')
    const existed = registry.has(registration.client_id)
    checkRoom(registration.client_id)
    const client = await durable(request, app.sandbox.operations.addClient(registration))
    return reply.code(existed ? 200 : 201).send(describeClient(client))
  })

  app.delete<{ Params: { clientId: string } }>('/clients/:clientId', async (request, reply) => {
    if (!registry.has(request.params.clientId)) throw new AdminError(404, 'not_found', `no client '${request.params.clientId}'`)
    await durable(request, app.sandbox.operations.deleteClient(request.params.clientId))
    return reply.code(204).send()
  })
}

export default clients
