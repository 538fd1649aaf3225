/** The error shape of the critical-information FHIR API (/api/critical-information/v1): OperationOutcome with KI codes. */
import { operationOutcomeRenderer } from './operation-outcome.js'

export const criticalInfo = operationOutcomeRenderer({ serviceName: 'critical-information', environment: 'sandbox' })
