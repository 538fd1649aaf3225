/** The error shape of the critical-information FHIR API (/api/critical-information/v1): OperationOutcome with KI codes, as seed 001 shows it. */
import { operationOutcome } from '../domain/fhir/operation-outcome.js'
import { operationOutcomeRenderer } from './operation-outcome.js'

const META = { apiVersion: 'v1', applicationVersion: 'sandbox', environment: 'sandbox', serviceName: 'critical-information' }

export const criticalInfo = operationOutcomeRenderer({ body: (err, request) => operationOutcome(err, request.eventId, META) })
