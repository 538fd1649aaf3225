/**
 * The error shape of the sandbox's own API (/__admin, the dashboard, and any path no face owns):
 * `{error, message, details?}`. A body that fails its zod schema is `invalid_request` with the
 * issues as details; our bugs `internal_error`, 500.
 */
import { ZodError } from 'zod'
import { AdminError } from '../domain/admin-error.js'
import { faceRenderer, routeOf, type FaceRenderer } from './renderer.js'

function own (err: unknown): AdminError | undefined {
  if (err instanceof AdminError) return err
  if (err instanceof ZodError) return new AdminError(400, 'invalid_request', 'the request body is not valid', err.issues)
  return undefined
}

export const admin: FaceRenderer = faceRenderer<AdminError>({
  own,
  client: (error) => new AdminError(error.status, 'invalid_request', error.message),
  unexpected: () => new AdminError(500, 'internal_error', 'the sandbox failed unexpectedly; see its log'),
  notFound: (request) => new AdminError(404, 'not_found', `no route for ${routeOf(request)}`),
  send: (_request, reply, err) => reply.code(err.statusCode).send({ error: err.code, message: err.message, ...(err.details !== undefined && { details: err.details }) })
})
