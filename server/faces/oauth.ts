/**
 * The error shape of the HelseID stand-in: RFC 6749 section 5.2 JSON (`error`,
 * `error_description`) with `no-store`, and the headers the error asks for (a DPoP nonce).
 * Client errors and unknown paths are `invalid_request` with their own status; our bugs
 * `server_error`, 500.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
import { OAuthError } from '../domain/helseid/oauth-error.js'
import { faceRenderer, routeOf, type FaceRenderer } from './renderer.js'

export const oauth: FaceRenderer = faceRenderer<OAuthError>({
  own: (err) => err instanceof OAuthError ? err : undefined,
  client: (error) => new OAuthError('invalid_request', error.message, { statusCode: error.status }),
  unexpected: () => new OAuthError('server_error', 'the sandbox failed unexpectedly; see its log', { statusCode: 500 }),
  notFound: (request) => new OAuthError('invalid_request', `no route for ${routeOf(request)}`, { statusCode: 404 }),
  send: (_request, reply, err) => reply.code(err.statusCode).headers({ 'cache-control': 'no-store', pragma: 'no-cache', ...err.headers }).send(err.toJSON())
})
