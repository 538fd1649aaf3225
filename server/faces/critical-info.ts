/** The error shape of the critical-information FHIR API (/api/critical-information/v1): OperationOutcome with KI codes. */
import { operationOutcomeRenderer, type OperationOutcomeFace } from './operation-outcome.js'

export const CRITICAL_INFO_OUTCOME: OperationOutcomeFace = { serviceName: 'critical-information', environment: 'sandbox' }

export const criticalInfo = operationOutcomeRenderer(CRITICAL_INFO_OUTCOME)
