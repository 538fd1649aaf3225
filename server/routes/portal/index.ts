/**
 * The portal stand-in: the legacy portal page under /hpp-webapp and the Kjernejournal
 * Innlogging API under /api/session, each its own context with its own error shape.
 */
import type { FastifyPluginAsync } from 'fastify'
import portalPage, { PORTAL_PREFIX } from './page.js'
import sessionApi, { SESSION_API_PREFIX } from './session-api.js'

const portal: FastifyPluginAsync = async (app) => {
  await app.register(portalPage, { prefix: PORTAL_PREFIX })
  await app.register(sessionApi, { prefix: SESSION_API_PREFIX })
}

export default portal
