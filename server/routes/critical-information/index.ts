/**
 * The critical-information FHIR API at /api/critical-information/v1: status, metadata, and the
 * FHIR interactions on the Kj profiles.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/
 */
import type { FastifyPluginAsync } from 'fastify'
import { FHIR_JSON } from '../../faces/operation-outcome.js'
import { asFhirFace } from '../fhir/fhir-face.js'
import { metadataFor } from '../fhir/metadata.js'
import { registerResourceRoutes } from '../fhir/resource-routes.js'
import { CRITICAL_INFO_HEADERS, criticalInfoAccess, STATUS_HEADERS } from './access-chain.js'
import { statusRoute } from './status.js'
import { CRITICAL_INFO_OUTCOME } from '../../faces/critical-info.js'
import { METADATA_DOC } from '../fhir/docs.js'
import { describe } from '../../openapi/describe.js'

const STATUS_DOC = describe({
  summary: 'The patient\'s critical-information status: ask this first (system or user token)',
  headers: STATUS_HEADERS,
  body: {
    media: 'application/json',
    schema: {
      type: 'object',
      description: 'Optional: nhn-patient-nin names the patient; a nin here must be the same (else KI-0010)',
      properties: { nin: { type: 'string', pattern: '^\\d{11}$' } }
    },
    example: { nin: '24868510168' }
  },
  responses: { 200: { description: 'Whether the patient has critical information, and the user\'s access', media: 'application/json', schema: { type: 'object' } } }
})

export const CRITICAL_INFO_PREFIX = '/api/critical-information/v1'

const criticalInformation: FastifyPluginAsync = async (app) => {
  const answerOtherMethods = asFhirFace(app, 'critical-information')

  // "We expect clients to always request the status-endpoint first": machine or user token.
  app.post('/status', { schema: STATUS_DOC }, statusRoute)

  app.get('/metadata', { schema: METADATA_DOC }, async (request, reply) => reply.type(FHIR_JSON).send(metadataFor(request, CRITICAL_INFO_PREFIX, 'Kjernejournal critical-information API (sandbox)')))

  registerResourceRoutes(app, { prefix: CRITICAL_INFO_PREFIX, resolve: criticalInfoAccess, headers: CRITICAL_INFO_HEADERS, outcome: CRITICAL_INFO_OUTCOME })
  answerOtherMethods()
}

export default criticalInformation
