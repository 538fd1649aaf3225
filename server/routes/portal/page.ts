/**
 * The Kjernejournal portal stand-in, /hpp-webapp: `hentpasient.html` opened the legacy way
 * (`?ticket=`, then a login) or the Kjernejournal Innlogging way (`?code=&ehr_code_verifier=`),
 * and `loggut`. Rules live in server/domain/portal, HTML in server/views/portal; this only wires them.
 * @see https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/664634018/Integration+Guide+Kjernejournal+Portal
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal-portal/innlogging/innlogging/docs/helseidklientmd/
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { lastChangeByKategori } from '../../domain/critical-info/service.js'
import { KjError } from '../../domain/kj-error.js'
import { statusOf } from '../../domain/kjernejournal/helseindikator.js'
import { criticalInfoRows } from '../../views/portal/critical-info-view.js'
import { innloggingOf } from '../../domain/portal/innlogging.js'
import { renderLoggedOutPage, renderLoginPage } from '../../views/portal/login-page.js'
import { renderPatientPage, type PatientView } from '../../views/portal/patient-page.js'
import { openPortalTicket } from '../../domain/portal/portal-ticket.js'
import { lenient } from '../shared/leniency.js'
import { checkPortalOrganisation, checkPortalUser } from '../../domain/portal/portal-user.js'
import { ordinaryPatient } from '../../domain/world/patients.js'
import { NO_STORE } from '../../faces/portal.js'
import { LOGGED_OUT_DOC, PATIENT_PAGE_DOC } from './docs.js'
import { asPortalFace } from './face.js'

export const PORTAL_PREFIX = '/hpp-webapp'

type Query = URLSearchParams

/**
 * The query as a servlet container reads it (application/x-www-form-urlencoded): a `+` is a
 * space, so a ticket whose `+` was not URL-encoded arrives broken, as it does at the real portal.
 */
function queryOf (request: FastifyRequest): Query {
  const url = request.url
  const at = url.indexOf('?')
  return new URLSearchParams(at === -1 ? '' : url.slice(at + 1))
}

/** One value of a query parameter; empty counts as absent. */
function param (query: Query, name: string): string | undefined {
  const value = query.get(name)
  return value === null || value === '' ? undefined : value
}

function sendHtml (reply: FastifyReply, markup: string): FastifyReply {
  return reply.headers(NO_STORE).type('text/html; charset=utf-8').send(markup)
}

type Opened = Pick<PatientView, 'user' | 'organisation' | 'basis' | 'via' | 'validUntil'> & { nin: string, role?: string, sessionId?: string }

async function openWithTicket (request: FastifyRequest, reply: FastifyReply, query: Query): Promise<Opened | undefined> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  const ticket = param(query, 'ticket')
  // A space cannot be in a ticket: it was a + that the EHR did not URL-encode. The answer stays
  // AUT_119 either way; the finding tells the developer why.
  if (ticket?.includes(' ') === true) lenient(request, 'ticket-not-url-encoded', 'the ticket parameter has a space where its + was: the ticket was not URL-encoded')
  const claims = await openPortalTicket(sandbox.tickets, ticket, session.clock.epochSeconds())
  const organisation = checkPortalOrganisation([claims.orgnr], sandbox.world.organisations)
  const cancelled = param(query, 'error')
  if (cancelled !== undefined) throw new KjError('AUT_110', `the login answered error=${cancelled}`)
  const who = param(query, 'login_hint') ?? param(query, 'test_pid')
  if (who === undefined) {
    sendHtml(reply, renderLoginPage(ticket as string, sandbox.world.users, 'hentpasient.html'))
    return undefined
  }
  const user = checkPortalUser({ pid: who }, sandbox.world.users, 'ticket')
  return {
    nin: claims.nin,
    user,
    organisation,
    ...(claims.samtykke !== undefined && { basis: claims.samtykke }),
    via: 'ticket',
    validUntil: new Date(claims.exp * 1000).toISOString()
  }
}

function openWithCode (request: FastifyRequest, query: Query): Opened {
  const { sandbox } = request.server
  const session = request.sandboxSession
  const portal = innloggingOf(session).redeem(param(query, 'code'), param(query, 'ehr_code_verifier'), session.clock.now())
  const user = checkPortalUser({ pid: portal.pid, ...(portal.hprNumber !== undefined && { hprNumber: portal.hprNumber }) }, sandbox.world.users, 'innlogging')
  const organisation = checkPortalOrganisation([portal.orgnr], sandbox.world.organisations)
  return {
    nin: portal.nin,
    user,
    role: portal.role,
    organisation,
    basis: portal.accessBasis,
    via: 'innlogging',
    sessionId: portal.id,
    validUntil: new Date(portal.expiresAt).toISOString()
  }
}

const portalPage: FastifyPluginAsync = async (app) => {
  asPortalFace(app)
  const { sandbox } = app

  app.get('/hentpasient.html', { schema: PATIENT_PAGE_DOC }, async (request, reply) => {
    const query = queryOf(request)
    const opened = param(query, 'code') !== undefined ? openWithCode(request, query) : await openWithTicket(request, reply, query)
    if (opened === undefined) return reply
    const session = request.sandboxSession
    const patient = sandbox.world.patients.get(opened.nin) ?? ordinaryPatient(opened.nin)
    const markup = renderPatientPage({
      ...opened,
      patient,
      status: statusOf(patient, lastChangeByKategori(session.criticalInfo, opened.nin)),
      rows: criticalInfoRows(session.criticalInfo, opened.nin),
      now: new Date(session.clock.now()).toISOString(),
      logoutUrl: 'loggut'
    })
    return sendHtml(reply, markup)
  })

  app.get('/loggut', { schema: LOGGED_OUT_DOC }, async (_request, reply) => sendHtml(reply, renderLoggedOutPage()))
}

export default portalPage
