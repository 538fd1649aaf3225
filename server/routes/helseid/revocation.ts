/**
 * POST /connect/revocation (RFC 7009): a client revokes its refresh token. Unknown tokens are
 * answered 200 too, as the RFC asks, so revocation leaks nothing.
 */
import type { FastifyPluginAsync } from 'fastify'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { authenticate, formParams } from './form.js'
import { REVOCATION_DOC } from './docs.js'

const revocation: FastifyPluginAsync = async (app) => {
  app.post(ENDPOINT_PATHS.revocation, { schema: REVOCATION_DOC }, async (request, reply) => {
    const params = formParams(request)
    const client = await authenticate(request, params)
    const token = params.token
    if (typeof token !== 'string' || token === '') throw new OAuthError('invalid_request', 'token is required')
    const session = request.sandboxSession
    const grant = session.refreshTokens.get(token, session.clock.now())
    if (grant !== undefined && grant.clientId === client.client_id) session.refreshTokens.delete(token)
    return reply.code(200).send()
  })
}

export default revocation
