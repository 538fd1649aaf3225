/**
 * POST /v1/helseindikator (and /v1/helseindikator/status, the path NHN's sample EHR uses):
 * the patient's icon state and, from status 2, a ticket for the organisation and patient.
 * @see https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=814415889&pageId=817987807 (helseindikator input and output)
 * @see https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/786989408 (REST API integration guide with HelseID)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { lastChangeByKategori } from '../../domain/critical-info/service.js'
import { answerFor, checkSamtykke, describePatient, parseHelseindikatorBody } from '../../domain/kjernejournal/helseindikator.js'
import { ordinaryPatient } from '../../domain/world/patients.js'
import { requireJson } from '../shared/json-content-type.js'
import { jsonBody, requireCaller, requireMethod } from './chain.js'
import { sendJson } from '../../faces/rest.js'
import { lenient } from '../shared/leniency.js'
import { oneMethod } from '../shared/one-method.js'
import { helseindikatorDoc } from './docs.js'

const helseindikator: FastifyPluginAsync = async (app) => {
  const { sandbox } = app

  async function handle (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    requireMethod(request, 'POST')
    requireJson(request)
    const { organisation } = await requireCaller(request)
    const body = parseHelseindikatorBody(jsonBody(request))
    const fixture = sandbox.world.patients.get(body.fnr)
    const early = answerFor(body.fnr, fixture)
    if (early !== undefined) return sendJson(request, reply, 200, early)
    const samtykke = checkSamtykke(body.samtykke)
    if (samtykke === undefined) lenient(request, 'helseindikator-without-samtykke', 'the body has no samtykke')
    const answer = describePatient(fixture ?? ordinaryPatient(body.fnr), lastChangeByKategori(request.sandboxSession.criticalInfo, body.fnr))
    if (answer.status >= 2) {
      const now = request.sandboxSession.clock.epochSeconds()
      if (request.sandboxSession.readiness.habits.tickets.seen(`${organisation.orgnr} ${body.fnr} ${samtykke ?? ''}`, now, now + sandbox.config.TICKET_LIFETIME)) {
        lenient(request, 'helseindikator-repeat-within-ticket', `helseindikator again for organisation ${organisation.orgnr} and a patient whose ticket from an earlier call is still valid`)
      }
      answer.ticket = await sandbox.tickets.issue({
        orgnr: organisation.orgnr,
        nin: body.fnr,
        ...(samtykke !== undefined && { samtykke }),
        iat: now,
        exp: now + sandbox.config.TICKET_LIFETIME
      })
    }
    return sendJson(request, reply, 200, answer)
  }

  oneMethod(app, 'POST', '/helseindikator', helseindikatorDoc('The patient\'s helseindikator (icon state) and a ticket'), handle)
  oneMethod(app, 'POST', '/helseindikator/status', helseindikatorDoc('The same as /v1/helseindikator: the path NHN\'s sample EHR uses'), handle)
}

export default helseindikator
