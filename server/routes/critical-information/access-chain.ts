/**
 * Who may do what on the critical-information API, in order: token (audience
 * nhn:critical-information, its scope, DPoP when required, a DPoP-bound token never as Bearer)
 * -> nhn-source-system ->
 * nhn-patient-nin -> nhn-access-basis -> organisation (orgnr_child required, KJF-000208) -> user (registered, trained, authorised,
 * old enough) -> nhn-user-role -> the patient's blocks and restrictions. Writing needs a
 * physician's role (KI-0017): only physicians register critical information.
 */
import type { FastifyRequest } from 'fastify'
import { checkMayRegister, checkPatientAccess, checkPointOfCare, checkRole, checkUser } from '../../domain/critical-info/access.js'
import { ACCESS_BASES, parseAccessBasis, parsePatientNin, parseSourceSystem, parseUserRole } from '../../domain/critical-info/request-headers.js'
import type { OperationContext } from '../../domain/critical-info/service.js'
import type { KjToken } from '../../domain/kjernejournal/access-token.js'
import { authoriseKjOrganisation } from '../shared/organisation.js'
import { admitFor } from '../fhir/leniency.js'
import { patientOf } from '../shared/patient.js'
import { requireToken } from '../shared/token.js'
import type { HeadersDoc } from '../fhir/docs.js'

/** The headers this chain reads, for the OpenAPI document (each also under its older hit-* name). */
export const CRITICAL_INFO_HEADERS: HeadersDoc = {
  properties: {
    'nhn-source-system': { type: 'string', minLength: 3, maxLength: 512, description: 'The EHR and its version', examples: ['Sandbox demo EHR 1.0'] },
    'nhn-patient-nin': { type: 'string', description: 'The patient\'s fødselsnummer or d-nummer', examples: ['13116900216'] },
    'nhn-access-basis': { enum: [...ACCESS_BASES], description: 'The basis for access; FORHOYET_* opens restricted information' },
    'nhn-user-role': { type: 'string', description: 'URL-encoded JSON: the user\'s role', examples: ['%7B%22system%22%3A%22urn%3Aoid%3A2.16.578.1.12.4.1.1.9060%22%2C%22code%22%3A%22LE%22%7D'] },
    'nhn-event-id': { type: 'string', maxLength: 128, description: 'Optional trace id' }
  },
  required: ['nhn-source-system', 'nhn-patient-nin', 'nhn-access-basis', 'nhn-user-role']
}

/** `POST /status` reads only the first two. */
export const STATUS_HEADERS: HeadersDoc = {
  properties: {
    'nhn-source-system': CRITICAL_INFO_HEADERS.properties['nhn-source-system'] as Record<string, unknown>,
    'nhn-patient-nin': CRITICAL_INFO_HEADERS.properties['nhn-patient-nin'] as Record<string, unknown>
  },
  required: ['nhn-source-system', 'nhn-patient-nin']
}

export async function criticalInfoToken (request: FastifyRequest): Promise<KjToken> {
  return requireToken(request, { audience: 'nhn:critical-information', scope: 'nhn:critical-information/api', dpopDocumented: true }, { refuseBoundBearer: true })
}

export async function criticalInfoAccess (request: FastifyRequest, write: boolean): Promise<OperationContext> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  const token = await criticalInfoToken(request)
  parseSourceSystem(request.headers)
  const nin = parsePatientNin(request.headers)
  const basis = parseAccessBasis(request.headers)
  checkPointOfCare(token)
  authoriseKjOrganisation(request, token)
  const now = new Date(session.clock.now())
  const user = checkUser(token, sandbox.world.users, now)
  const role = parseUserRole(request.headers)
  checkRole(user, role)
  if (write) checkMayRegister([role.code], 'critical-information')
  checkPatientAccess(patientOf(request, nin), user, { elevated: basis.startsWith('FORHOYET_') }, 'critical-information')
  return { store: session.criticalInfo, nin, now: now.toISOString(), behandlingsavklaring: sandbox.config.KJCONSENT_BEHANDLINGSAVKLARING, categorySystem: sandbox.config.CATEGORY_SYSTEM, admit: admitFor(request) }
}
