/**
 * POST /connect/par: pushed authorization requests (RFC 9126), as HelseID recommends. The
 * client authenticates, the request is checked as /connect/authorize would, and a one-time
 * `request_uri` comes back. A DPoP proof here binds the coming code to its key. The request may
 * come as a signed request object (`request`), the way to send HelseID the organisation
 * structure and the attest for the whole login.
 * @see https://www.rfc-editor.org/rfc/rfc9126
 */
import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { parseAuthorizationRequest } from '../../domain/helseid/authorization.js'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { readRequestObject } from '../../domain/helseid/request-object.js'
import { clientJwtNow } from '../shared/client-jwt-now.js'
import { authenticate, dpopKeyOf, formParams } from './form.js'
import { PAR_DOC } from './docs.js'

const par: FastifyPluginAsync = async (app) => {
  app.post(ENDPOINT_PATHS.par, { schema: PAR_DOC }, async (request, reply) => {
    const params = formParams(request)
    if (params.request_uri !== undefined) throw new OAuthError('invalid_request', 'request_uri may not be pushed')
    const jkt = await dpopKeyOf(request, 'par')
    const client = await authenticate(request, params)
    // A signed request object (RFC 9101) replaces the form's authorization parameters.
    const authzParams = typeof params.request === 'string'
      ? await readRequestObject(params.request, client, { issuer: request.issuer, now: clientJwtNow(request) })
      : params
    const parsed = parseAuthorizationRequest(authzParams, client)
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
