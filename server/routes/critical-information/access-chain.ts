/**
 * Who may do what on the critical-information API, in order: token (audience
 * nhn:critical-information, its scope, DPoP when required) -> nhn-source-system ->
 * nhn-patient-nin -> nhn-access-basis -> organisation -> user (registered, trained, authorised,
 * old enough) -> nhn-user-role -> the patient's blocks and restrictions. Writing needs a
 * physician's role (KI-0017): only physicians register critical information.
 */
import type { FastifyRequest } from 'fastify'
import { checkPatientAccess, checkRole, checkUser } from '../../domain/critical-info/access.js'
import { parseAccessBasis, parsePatientNin, parseSourceSystem, parseUserRole } from '../../domain/critical-info/request-headers.js'
import type { OperationContext } from '../../domain/critical-info/service.js'
import { KjError } from '../../domain/kj-error.js'
import type { KjToken } from '../../domain/kjernejournal/access-token.js'
import { authoriseOrganisation } from '../../domain/kjernejournal/organisation-access.js'
import { ordinaryPatient, type Patient } from '../../domain/world/patients.js'
import { requireToken } from '../kjernejournal/chain.js'

export async function criticalInfoToken (request: FastifyRequest): Promise<KjToken> {
  return requireToken(request, { audience: 'nhn:critical-information', scope: 'nhn:critical-information/api' })
}

export function patientOf (request: FastifyRequest, nin: string): Patient {
  const patient = request.server.sandbox.world.patients.get(nin) ?? ordinaryPatient(nin)
  if (patient.status !== 'active') throw new KjError('KJF-000017', `the patient's status in the population register is ${patient.status}`)
  return patient
}

export async function criticalInfoAccess (request: FastifyRequest, write: boolean): Promise<OperationContext> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  const token = await criticalInfoToken(request)
  parseSourceSystem(request.headers)
  const nin = parsePatientNin(request.headers)
  const basis = parseAccessBasis(request.headers)
  authoriseOrganisation(token, sandbox.world.organisations)
  const now = new Date(session.clock.now())
  const user = checkUser(token, sandbox.world.users, now)
  const role = parseUserRole(request.headers)
  checkRole(user, role)
  if (write && role.code !== 'LE') throw new KjError('KI-0017', `role ${role.code} may read critical information; registering it needs a physician (LE)`)
  checkPatientAccess(patientOf(request, nin), user, { elevated: basis.startsWith('FORHOYET_') }, 'critical-information')
  return { store: session.criticalInfo, nin, now: now.toISOString() }
}
