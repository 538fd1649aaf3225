/** The sandbox control API under /__admin. */
import type { FastifyPluginAsync } from 'fastify'
import clients from './clients.js'
import health from './health.js'

const admin: FastifyPluginAsync = async (app) => {
  await app.register(health, { prefix: '/__admin' })
  await app.register(clients, { prefix: '/__admin' })
}

export default admin
