/**
 * `POST /status`, which NHN asks clients to call first. A machine token needs only
 * nhn-source-system and nhn-patient-nin; a user token needs "all the required headers ... as
 * usual" (nhn-access-basis, UNNTAK always enough; nhn-user-role, checked against the user), as
 * NHN's status page says. A body `nin` must match the header (status-body.ts).
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/api-methods/status-critical-infomd
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { checkPointOfCare, checkRole, checkUser, inferredStatusFields, statusResponse } from '../../domain/critical-info/access.js'
import { profileByName, profileFor } from '../../domain/critical-info/profiles/index.js'
import { parseAccessBasis, parsePatientNin, parseSourceSystem, parseUserRole } from '../../domain/critical-info/request-headers.js'
import { checkStatusBodyNin } from '../../domain/critical-info/status-body.js'
import type { FhirResource } from '../../domain/critical-info/types.js'
import { authoriseKjOrganisation } from '../shared/organisation.js'
import { lenient } from '../shared/leniency.js'
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
  const bodyNote = checkStatusBodyNin(request.body, nin)
  if (bodyNote !== undefined) lenient(request, 'status-body-unchecked', bodyNote.did)
  const session = request.sandboxSession
  const user = isUser ? checkUser(token, sandbox.world.users, new Date(session.clock.now())) : undefined
  if (user !== undefined) checkRole(user, parseUserRole(request.headers))
  const patient = patientOf(request, nin)
  const records = session.criticalInfo.recordsOf(nin).filter((v) => !profileByName(v.profile).isDeleted(v.resource)).map((v) => v.resource)
  const isActive = (r: FhirResource): boolean => profileFor(r)?.isActive(r) ?? false
  const answer = statusResponse(patient, records, isActive, user)
  const inferred = inferredStatusFields(answer)
  if (inferred.length > 0) {
    const groups = [...new Set(inferred.map((f) => f.includes('.') ? `${f.split('.')[0] ?? f}.*` : f))]
    lenient(request, 'status-inferred-fields', `the answer carried ${inferred.length} fields whose names are inferred (${groups.join(', ')})`)
  }
  return reply.type('application/json; charset=utf-8').send(answer)
}
