/**
 * What every route of the legacy REST face (/v1/ping, /v1/helseindikator) shares: the raw body
 * (parsed by the validation chain, so its errors come in the real service's order), the headers
 * every answer carries, the error shape `{status, feilkode, utviklermelding, brukermelding}`,
 * and the random extra field.
 * @see https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=814415889&pageId=817987807 (failure fields, the extra field)
 * @see https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=849674242&pageId=897220612 (X-EVENT-ID and the other answer headers)
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode } from '../../domain/error-catalogue.js'
import { KjError } from '../../domain/kj-error.js'
import { withExtraField } from '../../domain/kjernejournal/extra-field.js'

const NO_CACHE = { 'cache-control': 'no-cache, must-revalidate, private, s-maxage=0', pragma: 'no-cache' }

export function restEventId (request: FastifyRequest): string {
  return `Id-${request.eventId.replaceAll('-', '')}`
}

/** The user message: short Norwegian text for the icon's tooltip, naming the code for support. */
function brukermelding (err: KjError): string {
  if (err.statusCode >= 500) return `Kjernejournal er ikke tilgjengelig akkurat nå. Prøv igjen senere. (Feilkode ${err.code})`
  return `Kjernejournal kunne ikke åpnes. Oppgi feilkode ${err.code} til brukerstøtte.`
}

export function sendJson (request: FastifyRequest, reply: FastifyReply, status: number, body: object): FastifyReply {
  const { sandbox } = request.server
  const payload = sandbox.config.EXTRA_FIELD ? withExtraField(body, sandbox.random) : body
  return reply.code(status).send(payload)
}

/** Kjernejournal's JSON error shape (seed 002), shared with the portal's Innlogging API. */
export function kjErrorBody (err: KjError): { status: number, feilkode: string, utviklermelding: string, brukermelding: string } {
  return { status: err.statusCode, feilkode: err.code, utviklermelding: err.message, brukermelding: brukermelding(err) }
}

export function sendKjError (request: FastifyRequest, reply: FastifyReply, err: KjError): FastifyReply {
  return sendJson(request, reply.headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code }), err.statusCode, kjErrorBody(err))
}

/**
 * Framework errors raised before a route runs, as a face's catalogue codes: wrong content type
 * KJF-000350; anything else a client did wrong is the face's `invalid` code (a body over the
 * limit too, which the catalogue has no code for, answered 413).
 */
function frameworkKjError (err: FastifyError, invalid: ErrorCode): KjError | undefined {
  const status = err.statusCode ?? 500
  if (status === 415) return new KjError('KJF-000350', err.message)
  if (status === 413) return new KjError(invalid, err.message, undefined, 413)
  if (status >= 400 && status < 500) return new KjError(invalid, err.message)
  return undefined
}

export type KjErrorSender = (request: FastifyRequest, reply: FastifyReply, err: KjError) => FastifyReply

/** The error handler of a face that answers KjErrors: ours as they are, framework ones translated, the rest KJS-000077 and logged. */
export function setKjErrorHandler (app: FastifyInstance, send: KjErrorSender, invalid: ErrorCode): void {
  app.setErrorHandler(async (err: unknown, request, reply) => {
    const kj = err instanceof KjError ? err : frameworkKjError(err as FastifyError, invalid)
    if (kj !== undefined) return send(request, reply, kj)
    request.log.error({ err }, 'unexpected error')
    return send(request, reply, new KjError('KJS-000077', 'the sandbox failed unexpectedly; see its log'))
  })
}

/** Sets up an encapsulated context as the REST face: body as text, headers, error shape. */
export function asRestFace (app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => { done(null, body) })
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers({ 'x-event-id': restEventId(request), ...NO_CACHE })
    done()
  })
  setKjErrorHandler(app, sendKjError, 'KJF-000206')
}
