/** Findings at the critical-information API and the ticket-based FHIR face. */
import type { FindingDefinition } from '../catalogue.js'
import { SOURCES } from './sources.js'

export const CRITICAL_INFORMATION_FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'bearer-where-dpop-required',
    severity: 'deprecated',
    title: 'Bearer token sent where DPoP is documented',
    realService: 'The critical-information API\'s newest documentation requires a DPoP-bound token (Authorization: DPoP <token> with a DPoP proof); Bearer is being phased out.',
    source: SOURCES.criticalInfoAuthorization,
    fix: 'Ask HelseID for a DPoP-bound token (send a DPoP proof to the token endpoint) and call the API with Authorization: DPoP <token> and a fresh DPoP proof per request.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' }
  }
]
