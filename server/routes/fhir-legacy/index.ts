/**
 * The ticket-based legacy FHIR face at /v1/fhir: the same store as the critical-information
 * API, reached with a user token and the helseindikator ticket; `Patient/$everything` returns
 * all of the ticket's patient's critical information.
 */
import type { FastifyPluginAsync } from 'fastify'
import { searchAnswer } from '../../domain/fhir/bundle.js'
import { withCategorySystem } from '../../domain/critical-info/category-system.js'
import { searchRecords } from '../../domain/critical-info/service.js'
import { FHIR_JSON } from '../../faces/operation-outcome.js'
import { asFhirFace } from '../fhir/fhir-face.js'
import { metadataFor } from '../fhir/metadata.js'
import { registerResourceRoutes } from '../fhir/resource-routes.js'
import { LEGACY_HEADERS, legacyAccess } from './access-chain.js'
import { LEGACY_OUTCOME } from '../../faces/fhir-legacy.js'
import { METADATA_DOC } from '../fhir/docs.js'
import { ref } from '../../openapi/components.js'
import { describe } from '../../openapi/describe.js'

const EVERYTHING_DOC = describe({
  summary: 'All critical information of the ticket\'s patient',
  headers: LEGACY_HEADERS,
  responses: { 200: { description: 'A searchset Bundle', media: 'application/fhir+json', schema: ref('Bundle') } }
})

export const LEGACY_FHIR_PREFIX = '/v1/fhir'

const fhirLegacy: FastifyPluginAsync = async (app) => {
  const answerOtherMethods = asFhirFace(app, 'fhir-legacy')

  app.get('/Patient/$everything', { schema: EVERYTHING_DOC }, async (request, reply) => {
    const ctx = await legacyAccess(request, false)
    const base = `${request.issuer}${LEGACY_FHIR_PREFIX}`
    const system = request.server.sandbox.config.CATEGORY_SYSTEM
    return reply.type(FHIR_JSON).send(searchAnswer(base, searchRecords(ctx).map((r) => withCategorySystem(r, system)), { extras: request.server.sandbox.config.BUNDLE_EXTRAS }))
  })

  app.get('/metadata', { schema: METADATA_DOC }, async (request, reply) => reply.type(FHIR_JSON).send(metadataFor(request, LEGACY_FHIR_PREFIX, 'Kjernejournal FHIR API, ticket-based (sandbox)')))

  registerResourceRoutes(app, { prefix: LEGACY_FHIR_PREFIX, resolve: legacyAccess, headers: LEGACY_HEADERS, outcome: LEGACY_OUTCOME })
  answerOtherMethods()
}

export default fhirLegacy
