/** GET /__admin/health: what the CLI's `healthcheck` and container health checks ask. */
import type { FastifyPluginAsync } from 'fastify'

const health: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => ({
    status: 'UP',
    issuer: app.sandbox.config.PUBLIC_URL,
    clients: app.sandbox.clients.list().length,
    users: app.sandbox.world.users.length
  }))
}

export default health
