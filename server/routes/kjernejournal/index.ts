/**
 * The Kjernejournal legacy REST face: /v1/ping and /v1/helseindikator. Registered under the
 * /v1 prefix so that unknown /v1 paths, too, answer in the face's shape.
 */
import type { FastifyPluginAsync } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import helseindikator from './helseindikator.js'
import ping from './ping.js'
import { asRestFace, sendKjError } from './rest-face.js'

const kjernejournal: FastifyPluginAsync = async (app) => {
  asRestFace(app)
  app.setNotFoundHandler(async (request, reply) =>
    sendKjError(request, reply, new KjError('KJF-000229', `no resource at ${request.method} ${request.url.split('?')[0]}`)))
  await app.register(ping)
  await app.register(helseindikator)
}

export default kjernejournal
