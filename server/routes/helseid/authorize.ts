/**
 * GET|POST /connect/authorize and the login form behind it. A request names its client, a
 * trusted redirect URI and PKCE, directly or through a `request_uri` from PAR. With test-IdP
 * hints the code comes back at once; otherwise the login page asks who logs in.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/endepunkt/authorization-endepunktet_enmd
 */
import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import {
  newCode, parseAuthorizationRequest, redirectWith, trustedRedirectUri, UntrustedRedirectError,
  type AuthorizationRequest, type AuthorizeParams
} from '../../domain/helseid/authorization.js'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { adHocUser, newLogin, userFromHints } from '../../domain/helseid/login.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { readRequestObject } from '../../domain/helseid/request-object.js'
import { isValidNin } from '../../domain/nin.js'
import type { User } from '../../domain/world/users.js'
import { clientJwtNow } from '../shared/client-jwt-now.js'
import { lenient } from '../shared/leniency.js'
import { errorPage, loginPage } from './login-page.js'
import { AUTHORIZE_GET_DOC, AUTHORIZE_POST_DOC, LOGIN_DOC } from './docs.js'

const LOGIN_PATH = `${ENDPOINT_PATHS.authorize}/login`
const INTERACTION_LIFETIME_MS = 15 * 60 * 1000

/** Errors after the redirect URI is trusted go back to the client, with `state` and `iss`. */
function redirectError (request: FastifyRequest, reply: FastifyReply, redirectUri: string, err: OAuthError, state: string | undefined): FastifyReply {
  return reply.redirect(redirectWith(redirectUri, { error: err.code, error_description: err.message, state, iss: request.issuer }), 302)
}

function showError (reply: FastifyReply, err: OAuthError): FastifyReply {
  return reply.code(400).type('text/html; charset=utf-8').send(errorPage(err.code, err.message))
}

const authorize: FastifyPluginAsync = async (app) => {
  const { sandbox } = app

  function issueCode (request: FastifyRequest, reply: FastifyReply, authz: AuthorizationRequest, user: User): FastifyReply {
    const session = request.sandboxSession
    const now = session.clock.now()
    const code = newCode()
    session.codes.set(code, { request: authz, identity: newLogin(user, Math.floor(now / 1000)) }, now + sandbox.config.AUTHORIZATION_CODE_LIFETIME * 1000, now)
    return reply.redirect(redirectWith(authz.redirectUri, { code, state: authz.state, iss: request.issuer }), 302)
  }

  function pushedRequest (request: FastifyRequest, params: AuthorizeParams, clientId: string): AuthorizationRequest {
    const requestUri = params.request_uri
    const stored = typeof requestUri === 'string' ? request.sandboxSession.pushedRequests.take(requestUri, request.sandboxSession.clock.now()) : undefined
    if (stored === undefined) throw new UntrustedRedirectError('invalid_request', 'request_uri is unknown, expired or already used')
    if (stored.clientId !== clientId) throw new UntrustedRedirectError('invalid_request', 'request_uri was pushed by another client')
    return stored
  }

  async function handle (request: FastifyRequest, reply: FastifyReply, given: AuthorizeParams): Promise<FastifyReply> {
    const clientId = given.client_id
    const client = typeof clientId === 'string' ? sandbox.clients.get(clientId) : undefined
    if (client === undefined) return showError(reply, new OAuthError('invalid_client', `unknown client '${String(clientId ?? '')}'`))
    let params = given
    if (typeof given.request === 'string') {
      // Until the object is verified nothing in it, the redirect URI included, is trusted.
      try {
        params = await readRequestObject(given.request, client, { issuer: request.issuer, now: clientJwtNow(request), clientIdParam: client.client_id })
      } catch (err) {
        if (err instanceof OAuthError) return showError(reply, err)
        throw err
      }
    }
    let authz: AuthorizationRequest
    let redirectUri: string
    try {
      if (params.request_uri !== undefined) {
        authz = pushedRequest(request, params, client.client_id)
      } else {
        redirectUri = trustedRedirectUri(params, client)
        authz = parseAuthorizationRequest(params, client)
        // HelseID documents the structures at PAR or in a request object, not in the front channel.
        if (params === given && authz.details !== undefined) {
          lenient(request, 'authorization-details-front-channel', `client '${client.client_id}' sent authorization_details as a plain /connect/authorize parameter, not at PAR or in a request object`)
        }
      }
    } catch (err) {
      if (err instanceof UntrustedRedirectError) return showError(reply, err)
      if (!(err instanceof OAuthError)) throw err
      return redirectError(request, reply, redirectUri!, err, typeof params.state === 'string' ? params.state : undefined)
    }
    let user: User | undefined
    try {
      user = userFromHints(authz, sandbox.world.users)
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err
      return redirectError(request, reply, authz.redirectUri, err, authz.state)
    }
    if (user !== undefined) return issueCode(request, reply, authz, user)
    const interaction = randomBytes(16).toString('base64url')
    const now = request.sandboxSession.clock.now()
    request.sandboxSession.interactions.set(interaction, authz, now + INTERACTION_LIFETIME_MS, now)
    const action = `${request.issuer}${LOGIN_PATH}`
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(loginPage({ interaction, clientName: client.client_name ?? client.client_id, users: sandbox.world.users, action }))
  }

  app.get(ENDPOINT_PATHS.authorize, { schema: AUTHORIZE_GET_DOC }, async (request, reply) => handle(request, reply, request.query as AuthorizeParams))
  app.post(ENDPOINT_PATHS.authorize, { schema: AUTHORIZE_POST_DOC }, async (request, reply) => handle(request, reply, (request.body ?? {}) as AuthorizeParams))

  app.post(LOGIN_PATH, { schema: LOGIN_DOC }, async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>
    const session = request.sandboxSession
    const authz = typeof form.interaction === 'string' ? session.interactions.take(form.interaction, session.clock.now()) : undefined
    if (authz === undefined) return showError(reply, new OAuthError('invalid_request', 'this login page has expired or was already used; start the login again'))
    const pid = typeof form.pid === 'string' ? form.pid.trim() : ''
    const level = form.security_level === '3' ? '3' : '4'
    const known = sandbox.world.users.find((u) => u.pid === pid)
    if (known === undefined && !isValidNin(pid)) return showError(reply, new OAuthError('invalid_request', `'${pid}' is not a valid national identity number`))
    const user = known ?? adHocUser(pid, level)
    return issueCode(request, reply, authz, form.security_level !== undefined && known !== undefined ? { ...known, securityLevel: level } : user)
  })
}

export default authorize
