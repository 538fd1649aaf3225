/**
 * How the portal stand-in answers errors: the legacy page as a readable HTML page, the
 * Innlogging API as Kjernejournal's JSON error shape. Both carry the code in `nhn-error-code`
 * and `X-KJ-Feilkode` (so the journal and scenario tests read it the same way on every face)
 * and an `X-EVENT-ID`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import { renderErrorPage } from '../../domain/portal/error-page.js'
import { restEventId } from '../kjernejournal/rest-face.js'

export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

function codeHeaders (reply: FastifyReply, err: KjError): FastifyReply {
  return reply.code(err.statusCode).headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code, ...NO_STORE })
}

export function sendPortalPage (request: FastifyRequest, reply: FastifyReply, err: KjError): FastifyReply {
  return codeHeaders(reply, err).type('text/html; charset=utf-8').send(renderErrorPage(err, restEventId(request)))
}

export function sendPortalJson (_request: FastifyRequest, reply: FastifyReply, err: KjError): FastifyReply {
  const brukermelding = err.statusCode >= 500
    ? `Kjernejournal er ikke tilgjengelig akkurat nå. Prøv igjen senere. (Feilkode ${err.code})`
    : `Kjernejournal kunne ikke åpnes. Oppgi feilkode ${err.code} til brukerstøtte.`
  return codeHeaders(reply, err).send({ status: err.statusCode, feilkode: err.code, utviklermelding: err.message, brukermelding })
}

type Sender = (request: FastifyRequest, reply: FastifyReply, err: KjError) => FastifyReply

/** Framework errors raised before a route runs (bad content type, body too large) as catalogue codes. */
function toKjError (err: FastifyError): KjError | undefined {
  const status = err.statusCode ?? 500
  if (status === 415) return new KjError('KJF-000350', err.message)
  if (status >= 400 && status < 500) return new KjError('KJF-000260', err.message)
  return undefined
}

/** Sets the error and not-found handlers of an encapsulated portal context. */
export function portalErrors (app: FastifyInstance, send: Sender): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-event-id', restEventId(request))
    done()
  })
  app.setErrorHandler(async (err: unknown, request, reply) => {
    const kj = err instanceof KjError ? err : toKjError(err as FastifyError)
    if (kj !== undefined) return send(request, reply, kj)
    request.log.error({ err }, 'unexpected error')
    return send(request, reply, new KjError('KJS-000077', 'the sandbox failed unexpectedly; see its log'))
  })
  app.setNotFoundHandler(async (request, reply) =>
    send(request, reply, new KjError('KJF-000229', `no portal page at ${request.method} ${request.url.split('?')[0] ?? ''}`)))
}
