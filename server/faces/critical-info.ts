/** The error shape of the critical-information FHIR API (/api/critical-information/v1): OperationOutcome with KI codes, as seed 001 shows it. */
import { operationOutcome } from '../domain/fhir/operation-outcome.js'
import { operationOutcomeRenderer, type OperationOutcomeFace } from './operation-outcome.js'

const META = { apiVersion: 'v1', applicationVersion: 'sandbox', environment: 'sandbox', serviceName: 'critical-information' }

export const CRITICAL_INFO_OUTCOME: OperationOutcomeFace = { body: (err, request) => operationOutcome(err, request.eventId, META) }

export const criticalInfo = operationOutcomeRenderer(CRITICAL_INFO_OUTCOME)
