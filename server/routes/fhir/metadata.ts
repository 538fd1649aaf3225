/** The CapabilityStatement both FHIR faces serve at /metadata. */
import type { FastifyRequest } from 'fastify'
import { capabilityStatement } from '../../domain/fhir/capability-statement.js'
import { PROFILES } from '../../domain/critical-info/profiles/index.js'
import { KJ_RESOURCE_TYPES } from '../../domain/critical-info/types.js'

export function metadataFor (request: FastifyRequest, prefix: string, name: string): object {
  // The unreleased profile is listed only where it is served.
  const served = PROFILES.filter((p) => p.name !== 'KjConsentBehandlingsavklaring' || request.server.sandbox.config.KJCONSENT_BEHANDLINGSAVKLARING)
  return capabilityStatement({
    baseUrl: `${request.issuer}${prefix}`,
    name,
    date: new Date(request.sandboxSession.clock.now()).toISOString(),
    software: { name: 'kjernejournal-sandbox', version: '0.1.0' },
    resources: KJ_RESOURCE_TYPES.map((type) => ({
      type,
      profiles: served.filter((p) => p.resourceType === type).map((p) => p.url),
      interactions: ['read', 'vread', 'update', 'delete', 'history-instance', 'create', 'search-type'],
      operations: [{ name: 'validate', definition: 'http://hl7.org/fhir/OperationDefinition/Resource-validate' }],
      searchParams: [
        { name: 'criticalInfoType', type: 'token', documentation: 'DrugReaction, OtherAllergen, CriticalMedicalCondition, Infection, IntubationProblem, OtherProblemWithAnesthesia, TransplantsAndOtherForeignBodies' },
        { name: 'category', type: 'token', documentation: 'Critical-information category code, any system: 3-11 (8 = KjConsent), or an AllergyIntolerance category' }
      ]
    }))
  })
}
