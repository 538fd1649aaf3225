/**
 * The wire shape of the legacy REST face (/v1/ping, /v1/helseindikator): JSON with the random
 * extra field, `X-EVENT-ID: Id-<hex>`, and errors as `{status, feilkode, utviklermelding,
 * brukermelding}` with the code also in `nhn-error-code` and `X-KJ-Feilkode`. Framework errors:
 * wrong content type KJF-000350, not found KJF-000229, anything else the client did wrong
 * KJF-000206 (a body over the limit too, which the catalogue has no code for, answered 413).
 * @see https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=814415889&pageId=817987807 (failure fields, the extra field)
 * @see https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=849674242&pageId=897220612 (X-EVENT-ID and the other answer headers)
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode } from '../domain/error-catalogue.js'
import { KjError } from '../domain/kj-error.js'
import { jsonWithExtraField } from '../domain/kjernejournal/extra-field.js'
import type { ClientError } from './client-error.js'
import { faceRenderer, routeOf, type FaceRenderer } from './renderer.js'

/** The headers every answer of the face carries, errors included. */
export const REST_NO_CACHE = { 'cache-control': 'no-cache, must-revalidate, private, s-maxage=0', pragma: 'no-cache' }

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
  if (!sandbox.config.EXTRA_FIELD) return reply.code(status).send(body)
  const text = jsonWithExtraField(body, sandbox.random)
  // For the journal (plugins/request-journal.ts): the object, so it need not parse the text again.
  request.sentBody = body
  request.sentText = text
  return reply.code(status).type('application/json; charset=utf-8').send(text)
}

/** Kjernejournal's JSON error shape (seed 002), shared with the portal's Innlogging API. */
export function kjErrorBody (err: KjError): { status: number, feilkode: string, utviklermelding: string, brukermelding: string } {
  return { status: err.statusCode, feilkode: err.code, utviklermelding: err.message, brukermelding: brukermelding(err) }
}

export function sendKjError (request: FastifyRequest, reply: FastifyReply, err: KjError): FastifyReply {
  return sendJson(request, reply.headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code }), err.statusCode, kjErrorBody(err))
}

/**
 * A client error as a Kjernejournal code, for the faces that speak KJF codes (this one and the
 * portal): wrong content type KJF-000350, not found KJF-000229, else the face's `invalid` code,
 * with 413 kept for a body over the limit.
 */
export function kjClientError (error: ClientError, invalid: ErrorCode): KjError {
  if (error.status === 415) return new KjError('KJF-000350', error.message)
  if (error.status === 404) return new KjError('KJF-000229', error.message)
  return new KjError(invalid, error.message, undefined, error.status === 413 ? 413 : undefined)
}

export function ownKjError (err: unknown): KjError | undefined {
  return err instanceof KjError ? err : undefined
}

export const rest: FaceRenderer = faceRenderer<KjError>({
  own: ownKjError,
  client: (error) => kjClientError(error, 'KJF-000206'),
  unexpected: () => new KjError('KJS-000077', 'the sandbox failed unexpectedly; see its log'),
  notFound: (request) => new KjError('KJF-000229', `no resource at ${routeOf(request)}`),
  send: sendKjError
})
