/**
 * POST /connect/token: authenticates the client, checks an optional DPoP proof, reads the
 * `authorization_details` of the client assertion (organisation structure, attest), and hands
 * the request to its grant.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/endepunkt/token-endepunktet_enmd
 */
import type { FastifyPluginAsync } from 'fastify'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { parseAuthorizationDetails } from '../../domain/helseid/authorization-details.js'
import { authorizationCodeGrant } from '../../domain/helseid/grants/authorization-code.js'
import { clientCredentialsGrant } from '../../domain/helseid/grants/client-credentials.js'
import type { GrantContext, TokenResponse } from '../../domain/helseid/grants/context.js'
import { refreshTokenGrant } from '../../domain/helseid/grants/refresh-token.js'
import { TOKEN_EXCHANGE_GRANT, tokenExchangeGrant } from '../../domain/helseid/grants/token-exchange.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { flagDefaultChildOrganisation } from '../../plugins/token-journal.js'
import { authenticateWithAssertion, dpopKeyOf, formParams } from './form.js'
import { TOKEN_DOC } from './docs.js'
import { lenient } from '../shared/leniency.js'

/** A client renewing within its token's last minute is doing what HelseID asks. */
const RENEWAL_MARGIN = 60

const GRANTS: Record<string, (ctx: GrantContext) => Promise<TokenResponse>> = {
  client_credentials: clientCredentialsGrant,
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  [TOKEN_EXCHANGE_GRANT]: tokenExchangeGrant
}

const token: FastifyPluginAsync = async (app) => {
  app.post(ENDPOINT_PATHS.token, { schema: TOKEN_DOC }, async (request, reply) => {
    const params = formParams(request)
    const grantType = params.grant_type
    if (typeof grantType !== 'string' || grantType === '') throw new OAuthError('invalid_request', 'grant_type is required')
    const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined
    if (grant === undefined) throw new OAuthError('unsupported_grant_type', `grant_type '${grantType}' is not supported`)
    // DPoP first: a use_dpop_nonce answer must not spend the client assertion's single-use jti.
    const jkt = await dpopKeyOf(request, 'token')
    const { client, assertion } = await authenticateWithAssertion(request, params)
    const session = request.sandboxSession
    const response = await grant({
      ...app.sandbox.issuance,
      session,
      issuer: request.issuer,
      client,
      params,
      assertionDetails: parseAuthorizationDetails(assertion?.authorization_details),
      observeOrganisations: (organisations) => { if (organisations.defaultChild) flagDefaultChildOrganisation(request) },
      // Strict: HelseID puts no child in a token the EHR sent no structure for. A secret client
      // may send none at all (HID-1008): its finding is client-secret-auth, whose fix comes first.
      ...(client.authMethod === 'private_key_jwt' && {
        defaultChildAllowed: () => lenient(request, 'default-child-organisation', `client '${client.client_id}' sent no helseid_authorization structure naming a child; the token took the registration's orgnr_child ${client.orgnr_child ?? ''}`)
      }),
      subjectTokenKeys: app.sandbox.tokenKeys,
      ...(jkt !== undefined && { jkt })
    })
    if (grantType === 'client_credentials') {
      const now = session.clock.epochSeconds()
      const key = [client.client_id, params.scope ?? '', params.resource ?? '', jkt ?? ''].join(' ')
      if (session.readiness.habits.tokens.seen(key, now, now + response.expires_in, RENEWAL_MARGIN)) {
        lenient(request, 'token-per-call', `client '${client.client_id}' asked for a new client_credentials token while its last one was valid for more than ${RENEWAL_MARGIN} s`)
      }
    }
    request.log.debug({ client_id: client.client_id, grant_type: grantType, dpop: jkt !== undefined }, 'token issued')
    return reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(response)
  })
}

export default token
