/** GET /__admin/health: what the CLI's `healthcheck` and container health checks ask. */
import type { FastifyPluginAsync } from 'fastify'
import { describeLazily } from '../../openapi/lazy.js'

const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'issuer', 'clients', 'users'],
  properties: {
    status: { const: 'UP' },
    issuer: { type: 'string', description: 'PUBLIC_URL' },
    clients: { type: 'integer', description: 'HelseID clients known' },
    users: { type: 'integer', description: 'Test users known' }
  }
}

const health: FastifyPluginAsync = async (app) => {
  app.get('/health', {
    schema: describeLazily(() => ({
      tags: ['sandbox control'],
      summary: 'Is the sandbox up (no admin token needed)',
      responses: { 200: { description: 'Up', schema: HEALTH_SCHEMA, example: { status: 'UP', issuer: 'http://localhost:8080', clients: 3, users: 5 } } }
    }))
  }, async () => ({
    status: 'UP',
    issuer: app.sandbox.config.PUBLIC_URL,
    clients: app.sandbox.clients.list().length,
    users: app.sandbox.world.users.length
  }))
}

export default health
