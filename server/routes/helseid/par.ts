/**
 * POST /connect/par: pushed authorization requests (RFC 9126), as HelseID recommends. The
 * client authenticates, the request is checked as /connect/authorize would, and a one-time
 * `request_uri` comes back. A DPoP proof here binds the coming code to its key.
 * @see https://www.rfc-editor.org/rfc/rfc9126
 */
import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { parseAuthorizationRequest } from '../../domain/helseid/authorization.js'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { authenticate, dpopKeyOf, formParams } from './form.js'
import { PAR_DOC } from './docs.js'

const par: FastifyPluginAsync = async (app) => {
  app.post(ENDPOINT_PATHS.par, { schema: PAR_DOC }, async (request, reply) => {
    const params = formParams(request)
    if (params.request_uri !== undefined) throw new OAuthError('invalid_request', 'request_uri may not be pushed')
    const jkt = await dpopKeyOf(request, 'par')
    const client = await authenticate(request, params)
    const parsed = parseAuthorizationRequest(params, client)
    if (jkt !== undefined && parsed.dpopJkt !== undefined && parsed.dpopJkt !== jkt) {
      throw new OAuthError('invalid_dpop_proof', 'dpop_jkt differs from the key of the DPoP proof')
    }
    const authz = jkt !== undefined ? { ...parsed, dpopJkt: jkt } : parsed
    const session = request.sandboxSession
    const lifetime = app.sandbox.config.AUTHORIZATION_CODE_LIFETIME
    const requestUri = `urn:ietf:params:oauth:request_uri:${randomBytes(24).toString('base64url')}`
    const now = session.clock.now()
    session.pushedRequests.set(requestUri, authz, now + lifetime * 1000, now)
    return reply.code(201).headers({ 'cache-control': 'no-store' }).send({ request_uri: requestUri, expires_in: lifetime })
  })
}

export default par
