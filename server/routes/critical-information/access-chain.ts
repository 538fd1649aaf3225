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
import { parseAccessBasis, parsePatientNin, parseSourceSystem, parseUserRole } from '../../domain/critical-info/request-headers.js'
import type { OperationContext } from '../../domain/critical-info/service.js'
import type { KjToken } from '../../domain/kjernejournal/access-token.js'
import { authoriseOrganisation } from '../../domain/kjernejournal/organisation-access.js'
import { admitFor } from '../fhir/leniency.js'
import { patientOf } from '../shared/patient.js'
import { requireToken } from '../shared/token.js'

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
  authoriseOrganisation(token, sandbox.world.organisations)
  const now = new Date(session.clock.now())
  const user = checkUser(token, sandbox.world.users, now)
  const role = parseUserRole(request.headers)
  checkRole(user, role)
  if (write) checkMayRegister([role.code], 'critical-information')
  checkPatientAccess(patientOf(request, nin), user, { elevated: basis.startsWith('FORHOYET_') }, 'critical-information')
  return { store: session.criticalInfo, nin, now: now.toISOString(), behandlingsavklaring: sandbox.config.KJCONSENT_BEHANDLINGSAVKLARING, categorySystem: sandbox.config.CATEGORY_SYSTEM, admit: admitFor(request) }
}
