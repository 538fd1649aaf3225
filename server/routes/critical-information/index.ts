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
import { criticalInfoAccess } from './access-chain.js'
import { statusRoute } from './status.js'

export const CRITICAL_INFO_PREFIX = '/api/critical-information/v1'

const criticalInformation: FastifyPluginAsync = async (app) => {
  const answerOtherMethods = asFhirFace(app, 'critical-information')

  // "We expect clients to always request the status-endpoint first": machine or user token.
  app.post('/status', statusRoute)

  app.get('/metadata', async (request, reply) => reply.type(FHIR_JSON).send(metadataFor(request, CRITICAL_INFO_PREFIX, 'Kjernejournal critical-information API (sandbox)')))

  registerResourceRoutes(app, CRITICAL_INFO_PREFIX, criticalInfoAccess)
  answerOtherMethods()
}

export default criticalInformation
