/**
 * The error shape of HelseID's test-token service (POST /v2/create-test-token-with-key): every
 * answer, errors included, is the TTT's `TestTokenResponse`, so vendors' TTT scripts read the
 * sandbox's errors as they read the real service's. Only the route itself answers in it: the
 * rest of its URL space is HelseID's (server/faces/oauth.ts).
 */
import { errorResponse, TestTokenError } from '../domain/helseid/test-token/response.js'
import { faceRenderer, routeOf, type FaceRenderer } from './renderer.js'

interface TttError {
  readonly status: number
  readonly message: string
}

export const testToken: FaceRenderer = faceRenderer<TttError>({
  own: (err) => err instanceof TestTokenError ? { status: 400, message: err.message } : undefined,
  client: (error) => error,
  unexpected: () => ({ status: 500, message: 'the sandbox failed unexpectedly; see its log' }),
  notFound: (request) => ({ status: 404, message: `no route for ${routeOf(request)}` }),
  send: (_request, reply, err) => reply.code(err.status).send(errorResponse(err.message))
})
