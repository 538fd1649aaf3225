/**
 * Sets up an encapsulated context as the legacy REST face (/v1/ping, /v1/helseindikator): the
 * raw body (parsed by the validation chain, so its errors come in the real service's order), the
 * headers every answer carries, and the face's error shape from server/faces/rest.ts.
 */
import type { FastifyInstance } from 'fastify'
import { useFace } from '../../faces/index.js'
import { REST_NO_CACHE, restEventId } from '../../faces/rest.js'

export function asRestFace (app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => { done(null, body) })
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers({ 'x-event-id': restEventId(request), ...REST_NO_CACHE })
    done()
  })
  useFace(app, 'rest', { notFound: true })
}
