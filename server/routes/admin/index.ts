/** The sandbox control API under /__admin. */
import type { FastifyPluginAsync } from 'fastify'
import clients from './clients.js'
import fixtures from './fixtures.js'
import { guardAdmin } from './guard.js'
import errors from './errors.js'
import health from './health.js'
import { guardAdminOrigin } from './origin-guard.js'
import journalStream from './journal-stream.js'
import organisations from './organisations.js'
import patients from './patients.js'
import persistence from './persistence.js'
import readiness from './readiness.js'
import requests from './requests.js'
import scenarios from './scenarios.js'
import sessions from './sessions.js'
import tokens from './tokens.js'

const admin: FastifyPluginAsync = async (app) => {
  guardAdmin(app)
  guardAdminOrigin(app)
  await app.register(health, { prefix: '/__admin' })
  await app.register(sessions, { prefix: '/__admin' })
  await app.register(clients, { prefix: '/__admin' })
  await app.register(fixtures, { prefix: '/__admin' })
  await app.register(scenarios, { prefix: '/__admin' })
  await app.register(requests, { prefix: '/__admin' })
  await app.register(errors, { prefix: '/__admin' })
  await app.register(patients, { prefix: '/__admin' })
  await app.register(organisations, { prefix: '/__admin' })
  await app.register(journalStream, { prefix: '/__admin' })
  await app.register(tokens, { prefix: '/__admin' })
  await app.register(persistence, { prefix: '/__admin' })
  await app.register(readiness, { prefix: '/__admin' })
}

export default admin
