/**
 * One error handler for the whole sandbox. Domain code throws typed errors; this picks the wire
 * shape of the face the request was for (see `faceOf`): OAuth 2 JSON for HelseID, and the
 * sandbox's own `{error, message}` for the admin API. Our own bugs answer 500 without detail
 * and are logged; they are never passed off as a validation error.
 */
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { OAuthError } from '../domain/helseid/oauth-error.js'
import { faceOf } from '../domain/faces.js'
import { sendFaceError } from './framework-errors.js'

export class AdminError extends Error {
  override name = 'AdminError'
  readonly statusCode: number
  readonly code: string
  readonly details?: unknown
  constructor (statusCode: number, code: string, message: string, details?: unknown) {
    super(message)
    this.statusCode = statusCode
    this.code = code
    this.details = details
  }
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) as status + text. */
function frameworkClientError (err: FastifyError): { status: number, message: string } | undefined {
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) return { status, message: err.message }
  return undefined
}

function sendOAuth (reply: FastifyReply, err: OAuthError): FastifyReply {
  return reply.code(err.statusCode).headers({ 'cache-control': 'no-store', pragma: 'no-cache', ...err.headers }).send(err.toJSON())
}

function toOAuthError (err: unknown): OAuthError | undefined {
  if (err instanceof OAuthError) return err
  const client = frameworkClientError(err as FastifyError)
  if (client !== undefined) return new OAuthError('invalid_request', client.message, { statusCode: client.status })
  return undefined
}

function toAdminError (err: unknown): AdminError | undefined {
  if (err instanceof AdminError) return err
  if (err instanceof ZodError) return new AdminError(400, 'invalid_request', 'the request body is not valid', err.issues)
  const client = frameworkClientError(err as FastifyError)
  if (client !== undefined) return new AdminError(client.status, 'invalid_request', client.message)
  return undefined
}

export default fp(async (app) => {
  app.setErrorHandler(async (err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const face = faceOf(request.url)
    if (face === 'helseid') {
      const oauth = toOAuthError(err)
      if (oauth !== undefined) return sendOAuth(reply, oauth)
      request.log.error({ err }, 'unexpected error')
      return sendOAuth(reply, new OAuthError('server_error', 'the sandbox failed unexpectedly; see its log', { statusCode: 500 }))
    }
    if (face === 'kjernejournal' || face === 'fhir-legacy' || face === 'critical-information') {
      // Met here only by paths the router resolved out of the face's prefix (its own handler
      // answers the rest): Fastify's client errors still go out in the face's shape.
      const client = frameworkClientError(err as FastifyError)
      if (client !== undefined) return sendFaceError(request, reply, client.status, client.message)
    }
    const admin = toAdminError(err)
    if (admin !== undefined) {
      return reply.code(admin.statusCode).send({ error: admin.code, message: admin.message, ...(admin.details !== undefined && { details: admin.details }) })
    }
    request.log.error({ err }, 'unexpected error')
    return reply.code(500).send({ error: 'internal_error', message: 'the sandbox failed unexpectedly; see its log' })
  })

  app.setNotFoundHandler(async (request, reply) => sendFaceError(request, reply, 404, `no route for ${request.method} ${request.url.split('?')[0]}`))
}, { name: 'error-rendering', fastify: '5.x' })
