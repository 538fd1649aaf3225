/**
 * The error shape of the ticket-based FHIR face (/v1/fhir): its own documented two-issue
 * OperationOutcome (server/domain/fhir/ticket-face-outcome.ts), with the KI codes of the shared
 * store rewritten to the KJF codes of the same meaning, and the headers the FHIR faces share.
 */
import { toLegacyError } from '../domain/critical-info/legacy-codes.js'
import { ticketFaceOutcome } from '../domain/fhir/ticket-face-outcome.js'
import { operationOutcomeRenderer, type OperationOutcomeFace } from './operation-outcome.js'

export const LEGACY_OUTCOME: OperationOutcomeFace = { body: (err) => ticketFaceOutcome(err), translate: toLegacyError }

export const fhirLegacy = operationOutcomeRenderer(LEGACY_OUTCOME)
