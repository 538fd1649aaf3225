/**
 * Sets up an encapsulated context as the legacy REST face (/v1/ping, /v1/helseindikator): the
 * raw body (parsed by the validation chain, so its errors come in the real service's order), the
 * headers every answer carries, and the face's error shape from server/faces/rest.ts.
 */
import type { FastifyInstance } from 'fastify'
import { useFace } from '../../faces/index.js'
import { REST_NO_CACHE, restEventId } from '../../faces/rest.js'

const NO_CACHE = Object.entries(REST_NO_CACHE)

export function asRestFace (app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => { done(null, body) })
  app.addHook('onRequest', (request, reply, done) => {
    // One header at a time: a spread into a new object on every request buys nothing.
    reply.header('x-event-id', restEventId(request))
    for (const [name, value] of NO_CACHE) reply.header(name, value)
    done()
  })
  useFace(app, 'rest', { notFound: true })
}
