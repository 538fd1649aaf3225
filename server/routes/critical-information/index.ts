/**
 * The critical-information FHIR API at /api/critical-information/v1: status, metadata, and the
 * FHIR interactions on the Kj profiles.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/
 */
import type { FastifyPluginAsync } from 'fastify'
import { checkPointOfCare, checkUser, statusResponse } from '../../domain/critical-info/access.js'
import { profileByName, profileFor } from '../../domain/critical-info/profiles/index.js'
import { parsePatientNin, parseSourceSystem } from '../../domain/critical-info/request-headers.js'
import { FHIR_JSON } from '../../faces/operation-outcome.js'
import { asFhirFace } from '../fhir/fhir-face.js'
import { metadataFor } from '../fhir/metadata.js'
import { registerResourceRoutes } from '../fhir/resource-routes.js'
import { authoriseKjOrganisation } from '../shared/organisation.js'
import { patientOf } from '../shared/patient.js'
import { criticalInfoAccess, criticalInfoToken } from './access-chain.js'

export const CRITICAL_INFO_PREFIX = '/api/critical-information/v1'

const criticalInformation: FastifyPluginAsync = async (app) => {
  asFhirFace(app, 'critical-information')
  const { sandbox } = app

  // "We expect clients to always request the status-endpoint first": machine or user token.
  app.post('/status', async (request, reply) => {
    const token = await criticalInfoToken(request)
    parseSourceSystem(request.headers)
    const nin = parsePatientNin(request.headers)
    checkPointOfCare(token)
    authoriseKjOrganisation(request, token)
    const session = request.sandboxSession
    const user = token.pid !== undefined ? checkUser(token, sandbox.world.users, new Date(session.clock.now())) : undefined
    const patient = patientOf(request, nin)
    const records = session.criticalInfo.recordsOf(nin).filter((v) => !profileByName(v.profile).isDeleted(v.resource)).map((v) => v.resource)
    const isActive = (r: Parameters<typeof profileFor>[0]): boolean => profileFor(r)?.isActive(r) ?? false
    return reply.type('application/json; charset=utf-8').send(statusResponse(patient, records, isActive, user))
  })

  app.get('/metadata', async (request, reply) => reply.type(FHIR_JSON).send(metadataFor(request, CRITICAL_INFO_PREFIX, 'Kjernejournal critical-information API (sandbox)')))

  registerResourceRoutes(app, CRITICAL_INFO_PREFIX, criticalInfoAccess)
}

export default criticalInformation
