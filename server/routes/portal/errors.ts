/**
 * How the portal stand-in answers errors: the legacy page as a readable HTML page, the
 * Innlogging API as Kjernejournal's JSON error shape. Both carry the code in `nhn-error-code`
 * and `X-KJ-Feilkode` (so the journal and scenario tests read it the same way on every face)
 * and an `X-EVENT-ID`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import { renderErrorPage } from '../../views/portal/error-page.js'
import { kjErrorBody, restEventId, setKjErrorHandler, type KjErrorSender } from '../kjernejournal/rest-face.js'

export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

function codeHeaders (reply: FastifyReply, err: KjError): FastifyReply {
  return reply.code(err.statusCode).headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code, ...NO_STORE })
}

export function sendPortalPage (request: FastifyRequest, reply: FastifyReply, err: KjError): FastifyReply {
  return codeHeaders(reply, err).type('text/html; charset=utf-8').send(renderErrorPage(err, restEventId(request)))
}

export function sendPortalJson (_request: FastifyRequest, reply: FastifyReply, err: KjError): FastifyReply {
  return codeHeaders(reply, err).send(kjErrorBody(err))
}

/** Sets the error and not-found handlers of an encapsulated portal context. */
export function portalErrors (app: FastifyInstance, send: KjErrorSender): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-event-id', restEventId(request))
    done()
  })
  setKjErrorHandler(app, send, 'KJF-000260')
  app.setNotFoundHandler(async (request, reply) =>
    send(request, reply, new KjError('KJF-000229', `no portal page at ${request.method} ${request.url.split('?')[0] ?? ''}`)))
}
