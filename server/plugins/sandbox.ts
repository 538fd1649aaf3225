/**
 * Exposes the sandbox to routes (`app.sandbox`) and gives each request its context: its session
 * (`request.sandboxSession`) and its event id (`request.eventId`, Kjernejournal's X-EVENT-ID and
 * OperationOutcome.id). Every request is in the default session until named sessions arrive with
 * `/s/<id>/` and `X-Sandbox-Session`.
 */
import { randomUUID } from 'node:crypto'
import fp from 'fastify-plugin'
import type { Sandbox } from '../domain/sandbox.js'
import type { Session } from '../domain/session.js'

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: Sandbox
  }
  interface FastifyRequest {
    sandboxSession: Session
    eventId: string
  }
}

export default fp<{ sandbox: Sandbox }>(async (app, { sandbox }) => {
  app.decorate('sandbox', sandbox)
  app.decorateRequest('sandboxSession', null as unknown as Session)
  app.decorateRequest('eventId', '')
  app.addHook('onRequest', async (request) => {
    request.sandboxSession = sandbox.defaultSession
    request.eventId = randomUUID()
  })
}, { name: 'sandbox', fastify: '5.x' })
