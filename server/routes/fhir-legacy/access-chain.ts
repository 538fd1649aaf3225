/**
 * Who may do what on the ticket-based FHIR face (/v1/fhir), in order: user token (audience
 * nhn:kjernejournal) -> X-EPJ-System -> X-KJ-Ticket (its organisation must be the caller's)
 * -> the user -> consent (KJ-SAMTYKKE-BRUK overrides the ticket's) -> the patient's blocks and
 * restrictions (KJ-SAMTYKKE-SPERRET-KRITISKINFO opens a restriction, and is refused without one).
 * @see https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/664634432 (X-KJ-Ticket, KJ-SAMTYKKE-* headers)
 * @see https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/664634454 (flow to retrieve alert information)
 */
import type { FastifyRequest } from 'fastify'
import { checkMayRegister, checkPatientAccess, checkUser } from '../../domain/critical-info/access.js'
import { LEGACY_CONSENTS, parseLegacyConsent } from '../../domain/critical-info/request-headers.js'
import type { OperationContext } from '../../domain/critical-info/service.js'
import { KjError } from '../../domain/kj-error.js'
import { requireTicket } from '../../domain/kjernejournal/tickets.js'
import { checkEpjSystem } from '../../domain/kjernejournal/organisation-access.js'
import { admitFor } from '../fhir/leniency.js'
import { patientOf } from '../shared/patient.js'
import { requireToken } from '../shared/token.js'
import type { HeadersDoc } from '../fhir/docs.js'

/** The headers this chain reads, for the OpenAPI document. */
export const LEGACY_HEADERS: HeadersDoc = {
  properties: {
    'X-EPJ-System': { type: 'string', description: 'The EHR system and version', examples: ['Sandbox demo EHR 1.0'] },
    'X-KJ-Ticket': { type: 'string', description: 'The ticket from helseindikator (status 2 and up), for the caller\'s organisation' },
    'KJ-SAMTYKKE-BRUK': { enum: [...LEGACY_CONSENTS], description: 'Overrides the consent given in helseindikator' },
    'KJ-SAMTYKKE-SPERRET-KRITISKINFO': { enum: [...LEGACY_CONSENTS], description: 'Opens restricted (sperret) critical information' }
  },
  required: ['X-EPJ-System', 'X-KJ-Ticket']
}

export async function legacyAccess (request: FastifyRequest, write: boolean): Promise<OperationContext> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  const token = await requireToken(request)
  checkEpjSystem(request.headers['x-epj-system'])
  const orgnrs = [token.orgnrChild, token.orgnrParent].filter((o): o is string => o !== undefined)
  const ticket = await requireTicket(sandbox.tickets, request.headers['x-kj-ticket'], { now: session.clock.epochSeconds(), orgnrs }, 'KJF-000259')
  const now = new Date(session.clock.now())
  const user = checkUser(token, sandbox.world.users, now)
  const consent = parseLegacyConsent(request.headers)
  if ((consent.bruk ?? ticket.samtykke) === undefined) throw new KjError('KJF-000217', 'give samtykke in helseindikator or the KJ-SAMTYKKE-BRUK header')
  if (write) checkMayRegister(user.roles, 'fhir-legacy')
  checkPatientAccess(patientOf(request, ticket.nin), user, { elevated: consent.sperret !== undefined }, 'fhir-legacy')
  return { store: session.criticalInfo, nin: ticket.nin, now: now.toISOString(), behandlingsavklaring: sandbox.config.KJCONSENT_BEHANDLINGSAVKLARING, categorySystem: sandbox.config.CATEGORY_SYSTEM, admit: admitFor(request) }
}
