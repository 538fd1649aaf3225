/**
 * The Kjernejournal legacy REST face: /v1/ping and /v1/helseindikator. Registered under the
 * /v1 prefix so that unknown /v1 paths, too, answer in the face's shape.
 */
import type { FastifyPluginAsync } from 'fastify'
import helseindikator from './helseindikator.js'
import ping from './ping.js'
import { asRestFace } from './rest-face.js'

const kjernejournal: FastifyPluginAsync = async (app) => {
  asRestFace(app)
  await app.register(ping)
  await app.register(helseindikator)
}

export default kjernejournal
