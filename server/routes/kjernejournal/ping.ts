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
import { lenient } from '../shared/leniency.js'

const ping: FastifyPluginAsync = async (app) => {
  oneMethod(app, 'GET', '/ping', PING_DOC, async (request, reply) => {
    requireMethod(request, 'GET')
    await requireCaller(request)
    const field = request.server.sandbox.config.PING_FIELD
    // Unconfirmed, so never refused: the answer's field name is read from NHN's table.
    lenient(request, 'ping-field-case', `pinged; the answer's timestamp field '${field}' is the sandbox's reading of NHN's table`)
    return sendJson(request, reply, 200, pongBody(field, request.sandboxSession.clock.now()))
  })
}

export default ping
