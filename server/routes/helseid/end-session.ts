/**
 * GET|POST /connect/endsession: ends the HelseID session named by `id_token_hint` (its refresh
 * tokens stop working) and returns to `post_logout_redirect_uri` with `state`.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { compactVerify, type JWTPayload } from 'jose'
import { redirectWith } from '../../domain/helseid/authorization.js'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { issuerMismatch } from '../../domain/helseid/issuer-mismatch.js'
import { postLogoutRedirectAllowed } from '../../domain/helseid/logout-redirect.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { errorPage } from './login-page.js'
import { END_SESSION_GET_DOC, END_SESSION_POST_DOC } from './docs.js'

const SIGNED_OUT = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body><main><h1>You are signed out of the HelseID sandbox</h1></main></body></html>'

function badHint (reply: FastifyReply, description: string): FastifyReply {
  const err = new OAuthError('invalid_request', description)
  return reply.code(400).type('text/html; charset=utf-8').send(errorPage(err.code, err.message))
}

const endSession: FastifyPluginAsync = async (app) => {
  const { sandbox } = app
  const keySet = sandbox.tokenKeys

  async function handle (request: FastifyRequest, reply: FastifyReply, params: Record<string, unknown>): Promise<FastifyReply> {
    const session = request.sandboxSession
    const hint = typeof params.id_token_hint === 'string' ? params.id_token_hint : undefined
    let clientId: string | undefined
    if (hint !== undefined) {
      let payload: JWTPayload
      try {
        // Signature only: an expired ID token still names the session to end, as OIDC allows.
        const verified = await compactVerify(hint, keySet)
        payload = JSON.parse(new TextDecoder().decode(verified.payload)) as JWTPayload
        if (typeof payload !== 'object' || payload === null) throw new Error('not a claims set')
      } catch {
        return badHint(reply, 'id_token_hint is not an ID token this sandbox issued')
      }
      // Signed by this sandbox, but in another session (or under another PUBLIC_URL): say which.
      if (typeof payload.iss !== 'string' || !request.issuers.includes(payload.iss)) return badHint(reply, `id_token_hint is from another issuer: ${issuerMismatch(payload.iss, request.issuers)}`)
      clientId = typeof payload.aud === 'string' ? payload.aud : undefined
      if (typeof payload.sid === 'string') {
        const now = session.clock.now()
        session.endedSids.set(payload.sid, true, now + sandbox.config.REFRESH_TOKEN_LIFETIME * 1000, now)
      }
    }
    const target = typeof params.post_logout_redirect_uri === 'string' ? params.post_logout_redirect_uri : undefined
    const client = clientId !== undefined ? sandbox.clients.get(clientId) : undefined
    const allowed = target !== undefined && client !== undefined && postLogoutRedirectAllowed(client, target)
    if (allowed) return reply.redirect(redirectWith(target, { state: typeof params.state === 'string' ? params.state : undefined }), 302)
    return reply.type('text/html; charset=utf-8').send(SIGNED_OUT)
  }

  app.get(ENDPOINT_PATHS.endSession, { schema: END_SESSION_GET_DOC }, async (request, reply) => handle(request, reply, request.query as Record<string, unknown>))
  app.post(ENDPOINT_PATHS.endSession, { schema: END_SESSION_POST_DOC }, async (request, reply) => handle(request, reply, (request.body ?? {}) as Record<string, unknown>))
}

export default endSession
