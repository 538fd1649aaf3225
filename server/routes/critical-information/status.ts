/**
 * `POST /status`, which NHN asks clients to call first. A machine token needs only
 * nhn-source-system and nhn-patient-nin; a user token needs "all the required headers ... as
 * usual" (nhn-access-basis, UNNTAK always enough; nhn-user-role, checked against the user), as
 * NHN's status page says. A body `nin` must match the header (status-body.ts).
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/api-methods/status-critical-infomd
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { checkPointOfCare, checkRole, checkUser, statusResponse } from '../../domain/critical-info/access.js'
import { profileByName, profileFor } from '../../domain/critical-info/profiles/index.js'
import { parseAccessBasis, parsePatientNin, parseSourceSystem, parseUserRole } from '../../domain/critical-info/request-headers.js'
import { checkStatusBodyNin } from '../../domain/critical-info/status-body.js'
import type { FhirResource } from '../../domain/critical-info/types.js'
import { authoriseKjOrganisation } from '../shared/organisation.js'
import { patientOf } from '../shared/patient.js'
import { criticalInfoToken } from './access-chain.js'

export async function statusRoute (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { sandbox } = request.server
  const token = await criticalInfoToken(request)
  parseSourceSystem(request.headers)
  const nin = parsePatientNin(request.headers)
  const isUser = token.pid !== undefined
  if (isUser) parseAccessBasis(request.headers)
  checkPointOfCare(token)
  authoriseKjOrganisation(request, token)
  checkStatusBodyNin(request.body, nin)
  const session = request.sandboxSession
  const user = isUser ? checkUser(token, sandbox.world.users, new Date(session.clock.now())) : undefined
  if (user !== undefined) checkRole(user, parseUserRole(request.headers))
  const patient = patientOf(request, nin)
  const records = session.criticalInfo.recordsOf(nin).filter((v) => !profileByName(v.profile).isDeleted(v.resource)).map((v) => v.resource)
  const isActive = (r: FhirResource): boolean => profileFor(r)?.isActive(r) ?? false
  return reply.type('application/json; charset=utf-8').send(statusResponse(patient, records, isActive, user))
}
