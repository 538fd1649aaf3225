/**
 * GET /v1/ping: "test connection". Authentication and errors are those of helseindikator
 * (seed 002); the answer is a timestamp.
 */
import type { FastifyPluginAsync } from 'fastify'
import { requireCaller, requireMethod } from './chain.js'
import { sendJson } from '../../faces/rest.js'
import { pongBody } from '../../domain/kjernejournal/pong.js'
import { oneMethod } from '../shared/one-method.js'
import { PING_DOC } from './docs.js'

const ping: FastifyPluginAsync = async (app) => {
  oneMethod(app, 'GET', '/ping', PING_DOC, async (request, reply) => {
    requireMethod(request, 'GET')
    await requireCaller(request)
    return sendJson(request, reply, 200, pongBody(request.server.sandbox.config.PING_FIELD, request.sandboxSession.clock.now()))
  })
}

export default ping
