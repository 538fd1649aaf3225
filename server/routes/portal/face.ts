/**
 * Sets up an encapsulated portal context (the legacy page or the Innlogging API): an
 * `X-EVENT-ID` on every answer, and errors and unknown paths in the portal's shape
 * (server/faces/portal.ts).
 */
import type { FastifyInstance } from 'fastify'
import { useFace } from '../../faces/index.js'
import { restEventId } from '../../faces/rest.js'

export function asPortalFace (app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-event-id', restEventId(request))
    done()
  })
  useFace(app, 'portal', { notFound: true })
}
