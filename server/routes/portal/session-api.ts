/**
 * The Kjernejournal Innlogging API stand-in, /api/session: create (a portal session for a
 * patient, answered with a one-time code), refresh (keep-alive), end, and ping (is my token
 * good here?). Every call needs a DPoP-bound HelseID user token (audience nhn:kjernejournal,
 * scope nhn:kjernejournal/innlogging) with its proof, as NHN's sample EHR sends it. Bodies are
 * JSON with or without a Content-Type, because NHN's sample sends refresh and end without one.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal-portal/innlogging/innlogging/docs/helseidklientmd/
 * @see https://github.com/NorskHelsenett/kjernejournal-innlogging-klient (NHN's sample EHR, KjernejournalInnlogging.kt)
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { decodeJwt } from 'jose'
import { KjError } from '../../domain/kj-error.js'
import type { KjToken } from '../../domain/kjernejournal/access-token.js'
import { innloggingOf, type InnloggingLimits } from '../../domain/portal/innlogging.js'
import { checkActingRole, checkPortalOrganisation, checkPortalUser } from '../../domain/portal/portal-user.js'
import { parseCreateSession, parseJsonBody, parseSessionId } from '../../domain/portal/session-request.js'
import { requireJsonOrNone } from '../shared/json-content-type.js'
import { pongBody } from '../../domain/kjernejournal/pong.js'
import { checkTillitsrammeverk, hasTillitsrammeverkAttest } from '../../domain/portal/tillitsrammeverk.js'
import { lenient } from '../shared/leniency.js'
import { requireToken } from '../shared/token.js'
import { NO_STORE } from '../../faces/portal.js'
import { CREATE_DOC, END_DOC, PING_DOC, REFRESH_DOC } from './docs.js'
import { asPortalFace } from './face.js'

export const SESSION_API_PREFIX = '/api/session'
export const INNLOGGING_SCOPE = 'nhn:kjernejournal/innlogging'

/**
 * A DPoP-bound user token, whatever REQUIRE_DPOP says: the Innlogging API has only ever taken DPoP.
 * `athOptional`: the proof may lack `ath` (end, when INNLOGGING_END_REQUIRES_ATH is false).
 */
async function requireUserToken (request: FastifyRequest, athOptional = false): Promise<KjToken & { pid: string }> {
  const token = await requireToken(request, { audience: 'nhn:kjernejournal', scope: INNLOGGING_SCOPE }, { requireDpop: true, athOptional })
  if (token.pid === undefined) throw new KjError('KJF-000218', 'Kjernejournal Innlogging needs a user token (with a pid); a system token was sent')
  return token as KjToken & { pid: string }
}

/** The body as JSON; one read without a Content-Type (as NHN's reference EHR sends it) is a finding. */
function jsonBody (request: FastifyRequest): unknown {
  const body = parseJsonBody(request.body)
  if (request.headers['content-type'] === undefined) lenient(request, 'innlogging-json-without-content-type', 'a JSON body was sent without a Content-Type')
  return body
}

/** The request's DPoP proof carries `ath` (the proof has been verified by then). */
function proofHasAth (request: FastifyRequest): boolean {
  const proof = request.headers.dpop
  return typeof proof !== 'string' || decodeJwt(proof).ath !== undefined
}

const sessionApi: FastifyPluginAsync = async (app) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => { done(null, body) })
  asPortalFace(app)
  const { sandbox } = app
  const limits: InnloggingLimits = {
    codeLifetimeSeconds: sandbox.config.INNLOGGING_CODE_LIFETIME,
    sessionLifetimeSeconds: sandbox.config.INNLOGGING_SESSION_LIFETIME
  }

  app.post('/create', { schema: CREATE_DOC }, async (request, reply) => {
    requireJsonOrNone(request)
    const token = await requireUserToken(request)
    checkTillitsrammeverk(token.payload, sandbox.config.INNLOGGING_REQUIRE_ATTEST)
    if (!hasTillitsrammeverkAttest(token.payload)) lenient(request, 'innlogging-attest-not-required', 'the user token has the tillitsrammeverk scope but no attest in authorization_details')
    const organisation = checkPortalOrganisation([token.orgnrChild, token.orgnrParent].filter((o): o is string => o !== undefined), sandbox.world.organisations)
    const body = parseCreateSession(jsonBody(request))
    const user = checkPortalUser({ pid: token.pid, ...(token.hprNumber !== undefined && { hprNumber: token.hprNumber }) }, sandbox.world.users, 'innlogging')
    checkActingRole(user, body.role)
    const patient = sandbox.world.patients.get(body.nin)
    if (patient !== undefined && patient.status !== 'active') throw new KjError('KJF-000017', `the patient's status in the population register is ${patient.status}`)
    if (patient?.reserved === true) throw new KjError('KJF-000168', 'the patient has reserved themselves against Kjernejournal: there is no journal to open')
    const session = request.sandboxSession
    const { code, session: created } = innloggingOf(session).create({
      clientId: token.clientId,
      pid: token.pid,
      ...(user.hprNumber !== undefined && { hprNumber: user.hprNumber }),
      nin: body.nin,
      orgnr: organisation.orgnr,
      role: body.role,
      accessBasis: body.accessBasis,
      jkt: token.jkt as string
    }, body.challenge, limits, session.clock.now())
    return reply.headers(NO_STORE).send({ code, sessionId: created.id })
  })

  app.post('/refresh', { schema: REFRESH_DOC }, async (request, reply) => {
    requireJsonOrNone(request)
    const token = await requireUserToken(request)
    const id = parseSessionId(jsonBody(request))
    const session = request.sandboxSession
    const refreshed = innloggingOf(session).refresh(id, { pid: token.pid, clientId: token.clientId }, limits, session.clock.now())
    return reply.headers(NO_STORE).send({
      sessionId: refreshed.id,
      expiresAt: new Date(refreshed.expiresAt).toISOString(),
      expires_in: limits.sessionLifetimeSeconds
    })
  })

  app.post('/end', { schema: END_DOC }, async (request, reply) => {
    requireJsonOrNone(request)
    // NHN's reference EHR signs this proof without `ath`; HelseID's rules require it (docs/portal.md).
    const athOptional = !sandbox.config.INNLOGGING_END_REQUIRES_ATH
    const token = await requireUserToken(request, athOptional)
    if (athOptional && !proofHasAth(request) && !lenient(request, 'innlogging-end-without-ath', 'the DPoP proof of end has no ath')) {
      throw new KjError('KJF-000198', 'the DPoP proof has no ath: a proof used in an API call must include the access token\'s hash (strict profile)')
    }
    const id = parseSessionId(jsonBody(request))
    const session = request.sandboxSession
    innloggingOf(session).end(id, { pid: token.pid, clientId: token.clientId }, session.clock.now())
    return reply.code(204).headers(NO_STORE).send()
  })

  // The call NHN's TestTokenDemo makes to see that a token works against Innlogging.
  app.get('/ping', { schema: PING_DOC }, async (request, reply) => {
    await requireUserToken(request)
    const sourceSystem = request.headers['x-source-system']
    if (typeof sourceSystem !== 'string' || sourceSystem.trim() === '') lenient(request, 'innlogging-source-system-not-checked', 'ping was sent without X-SOURCE-SYSTEM')
    return reply.headers(NO_STORE).send(pongBody(sandbox.config.PING_FIELD, request.sandboxSession.clock.now()))
  })
}

export default sessionApi
