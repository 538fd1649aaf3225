/**
 * The error shape of the portal stand-in: the legacy page (/hpp-webapp) answers a readable HTML
 * page, the Innlogging API (/api/session) Kjernejournal's JSON error shape; both carry the code
 * in `nhn-error-code` and `X-KJ-Feilkode` (so the journal and scenario tests read it the same way
 * on every face), `no-store`, and an `X-EVENT-ID`. Client errors are KJF-000260 (wrong content
 * type KJF-000350), an unknown page KJF-000229.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { pathOf } from '../domain/faces.js'
import { KjError } from '../domain/kj-error.js'
import { renderErrorPage } from '../views/portal/error-page.js'
import { kjClientError, kjErrorBody, ownKjError, restEventId } from './rest.js'
import { faceRenderer, routeOf, type FaceRenderer } from './renderer.js'

export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

const INNLOGGING_API = '/api/session'

function isInnloggingApi (request: FastifyRequest): boolean {
  const path = pathOf(request.url)
  return path === INNLOGGING_API || path.startsWith(`${INNLOGGING_API}/`)
}

function send (request: FastifyRequest, reply: FastifyReply, err: KjError): FastifyReply {
  reply.code(err.statusCode).headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code, ...NO_STORE })
  if (isInnloggingApi(request)) return reply.send(kjErrorBody(err))
  return reply.type('text/html; charset=utf-8').send(renderErrorPage(err, restEventId(request)))
}

export const portal: FaceRenderer = faceRenderer<KjError>({
  own: ownKjError,
  client: (error) => kjClientError(error, 'KJF-000260'),
  unexpected: () => new KjError('KJS-000077', 'the sandbox failed unexpectedly; see its log'),
  notFound: (request) => new KjError('KJF-000229', `no portal page at ${routeOf(request)}`),
  send
})
