/**
 * Answers that no face's own handler gets to give, in the shape of the face the URL belongs to:
 * a request Fastify refuses before routing (a URL with broken percent-encoding, FST_ERR_BAD_URL,
 * via the `frameworkErrors` option), and a path that the router normalises out of its face's
 * prefix (`/api/critical-information/v1/%2e%2e/x`), which meets the root's not-found handler.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { faceOf } from '../domain/faces.js'
import { OAuthError } from '../domain/helseid/oauth-error.js'
import { KjError } from '../domain/kj-error.js'
import { sendFhirError } from '../routes/fhir/fhir-face.js'
import { sendKjError } from '../routes/kjernejournal/rest-face.js'
import { LEGACY_FHIR_FACE } from '../routes/fhir-legacy/index.js'
import { CRITICAL_INFO_FACE } from '../routes/critical-information/index.js'

/** A client error (4xx) with `message`, or a not-found, in the face's shape. */
export function sendFaceError (request: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply {
  // The sandbox's onRequest hook may not have run: the answer still needs an event id.
  if (request.eventId === '') request.eventId = randomUUID()
  const notFound = status === 404
  switch (faceOf(request.url)) {
    case 'helseid':
      return reply.code(status).headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(new OAuthError('invalid_request', message, { statusCode: status }).toJSON())
    case 'kjernejournal':
      return sendKjError(request, reply, new KjError(notFound ? 'KJF-000229' : 'KJF-000206', message, undefined, status === 413 ? 413 : undefined))
    case 'fhir-legacy':
      return sendFhirError(request, reply, new KjError('KI-0007', message, undefined, status === 413 ? 413 : undefined), LEGACY_FHIR_FACE)
    case 'critical-information':
      return sendFhirError(request, reply, new KjError('KI-0007', message, undefined, status === 413 ? 413 : undefined), CRITICAL_INFO_FACE)
    default:
      return reply.code(status).send({ error: notFound ? 'not_found' : 'invalid_request', message })
  }
}

/** Fastify's `frameworkErrors` option. */
export function renderFrameworkError (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400
  sendFaceError(request, reply, status, err.message)
}
