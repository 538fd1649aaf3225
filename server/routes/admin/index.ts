/** The sandbox control API under /__admin. */
import type { FastifyPluginAsync } from 'fastify'
import clients from './clients.js'
import health from './health.js'
import journal from './journal.js'
import scenarios from './scenarios.js'

const admin: FastifyPluginAsync = async (app) => {
  await app.register(health, { prefix: '/__admin' })
  await app.register(clients, { prefix: '/__admin' })
  await app.register(scenarios, { prefix: '/__admin' })
  await app.register(journal, { prefix: '/__admin' })
}

export default admin
