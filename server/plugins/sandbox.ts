/**
 * Exposes the sandbox to routes (`app.sandbox`) and gives each request its session
 * (`request.sandboxSession`). Every request is in the default session until named sessions
 * arrive with `/s/<id>/` and `X-Sandbox-Session`.
 */
import fp from 'fastify-plugin'
import type { Sandbox } from '../domain/sandbox.js'
import type { Session } from '../domain/session.js'

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: Sandbox
  }
  interface FastifyRequest {
    sandboxSession: Session
  }
}

export default fp<{ sandbox: Sandbox }>(async (app, { sandbox }) => {
  app.decorate('sandbox', sandbox)
  app.decorateRequest('sandboxSession', null as unknown as Session)
  app.addHook('onRequest', async (request) => {
    request.sandboxSession = sandbox.defaultSession
  })
}, { name: 'sandbox', fastify: '5.x' })
