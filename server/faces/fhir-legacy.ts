/**
 * The error shape of the ticket-based FHIR face (/v1/fhir): today the critical-information
 * API's OperationOutcome under service name `kjernejournal`, with the KI codes rewritten to
 * the KJF codes of the same meaning. This module is the one place that shape is decided.
 */
import { toLegacyError } from '../domain/critical-info/legacy-codes.js'
import { operationOutcomeRenderer, type OperationOutcomeFace } from './operation-outcome.js'

export const LEGACY_OUTCOME: OperationOutcomeFace = { serviceName: 'kjernejournal', environment: 'sandbox', translate: toLegacyError }

export const fhirLegacy = operationOutcomeRenderer(LEGACY_OUTCOME)
