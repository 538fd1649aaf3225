/**
 * POST /connect/token: authenticates the client, checks an optional DPoP proof, and hands the
 * request to its grant.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/endepunkt/token-endepunktet_enmd
 */
import type { FastifyPluginAsync } from 'fastify'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { authorizationCodeGrant } from '../../domain/helseid/grants/authorization-code.js'
import { clientCredentialsGrant } from '../../domain/helseid/grants/client-credentials.js'
import type { GrantContext, TokenResponse } from '../../domain/helseid/grants/context.js'
import { refreshTokenGrant } from '../../domain/helseid/grants/refresh-token.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { authenticate, dpopKeyOf, formParams } from './form.js'
import { TOKEN_DOC } from './docs.js'

const GRANTS: Record<string, (ctx: GrantContext) => Promise<TokenResponse>> = {
  client_credentials: clientCredentialsGrant,
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant
}

const token: FastifyPluginAsync = async (app) => {
  app.post(ENDPOINT_PATHS.token, { schema: TOKEN_DOC }, async (request, reply) => {
    const params = formParams(request)
    const grantType = params.grant_type
    if (typeof grantType !== 'string' || grantType === '') throw new OAuthError('invalid_request', 'grant_type is required')
    const grant = GRANTS[grantType]
    if (grant === undefined) throw new OAuthError('unsupported_grant_type', `grant_type '${grantType}' is not supported`)
    // DPoP first: a use_dpop_nonce answer must not spend the client assertion's single-use jti.
    const jkt = await dpopKeyOf(request, 'token')
    const client = await authenticate(request, params)
    const session = request.sandboxSession
    const response = await grant({
      ...app.sandbox.issuance,
      session,
      issuer: request.issuer,
      client,
      params,
      ...(jkt !== undefined && { jkt })
    })
    request.log.debug({ client_id: client.client_id, grant_type: grantType, dpop: jkt !== undefined }, 'token issued')
    return reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(response)
  })
}

export default token
