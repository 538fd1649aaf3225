/**
 * The critical-information FHIR API at /api/critical-information/v1: status, metadata, and the
 * FHIR interactions on the Kj profiles.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/
 */
import type { FastifyPluginAsync } from 'fastify'
import { checkUser, statusResponse } from '../../domain/critical-info/access.js'
import { profileByName, profileFor } from '../../domain/critical-info/profiles/index.js'
import { parsePatientNin, parseSourceSystem } from '../../domain/critical-info/request-headers.js'
import { authoriseOrganisation } from '../../domain/kjernejournal/organisation-access.js'
import { FHIR_JSON } from '../../faces/operation-outcome.js'
import { asFhirFace } from '../fhir/fhir-face.js'
import { metadataFor } from '../fhir/metadata.js'
import { registerResourceRoutes } from '../fhir/resource-routes.js'
import { patientOf } from '../shared/patient.js'
import { CRITICAL_INFO_HEADERS, criticalInfoAccess, criticalInfoToken, STATUS_HEADERS } from './access-chain.js'
import { CRITICAL_INFO_OUTCOME } from '../../faces/critical-info.js'
import { METADATA_DOC } from '../fhir/docs.js'
import { describe } from '../../openapi/describe.js'

const STATUS_DOC = describe({
  summary: 'The patient\'s critical-information status: ask this first (system or user token)',
  headers: STATUS_HEADERS,
  responses: { 200: { description: 'Whether the patient has critical information, and the user\'s access', media: 'application/json', schema: { type: 'object' } } }
})

export const CRITICAL_INFO_PREFIX = '/api/critical-information/v1'

const criticalInformation: FastifyPluginAsync = async (app) => {
  asFhirFace(app, 'critical-information')
  const { sandbox } = app

  // "We expect clients to always request the status-endpoint first": machine or user token.
  app.post('/status', { schema: STATUS_DOC }, async (request, reply) => {
    const token = await criticalInfoToken(request)
    parseSourceSystem(request.headers)
    const nin = parsePatientNin(request.headers)
    authoriseOrganisation(token, sandbox.world.organisations)
    const session = request.sandboxSession
    const user = token.pid !== undefined ? checkUser(token, sandbox.world.users, new Date(session.clock.now())) : undefined
    const patient = patientOf(request, nin)
    const records = session.criticalInfo.recordsOf(nin).filter((v) => !profileByName(v.profile).isDeleted(v.resource)).map((v) => v.resource)
    const isActive = (r: Parameters<typeof profileFor>[0]): boolean => profileFor(r)?.isActive(r) ?? false
    return reply.type('application/json; charset=utf-8').send(statusResponse(patient, records, isActive, user))
  })

  app.get('/metadata', { schema: METADATA_DOC }, async (request, reply) => reply.type(FHIR_JSON).send(metadataFor(request, CRITICAL_INFO_PREFIX, 'Kjernejournal critical-information API (sandbox)')))

  registerResourceRoutes(app, { prefix: CRITICAL_INFO_PREFIX, resolve: criticalInfoAccess, headers: CRITICAL_INFO_HEADERS, outcome: CRITICAL_INFO_OUTCOME })
}

export default criticalInformation
