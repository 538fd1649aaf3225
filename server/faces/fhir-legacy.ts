/**
 * The error shape of the ticket-based FHIR face (/v1/fhir): today the critical-information
 * API's OperationOutcome under service name `kjernejournal`, with the KI codes rewritten to
 * the KJF codes of the same meaning. This module is the one place that shape is decided.
 */
import { toLegacyError } from '../domain/critical-info/legacy-codes.js'
import { operationOutcomeRenderer } from './operation-outcome.js'

export const fhirLegacy = operationOutcomeRenderer({ serviceName: 'kjernejournal', environment: 'sandbox', translate: toLegacyError })
