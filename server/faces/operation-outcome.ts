/**
 * The error shape the FHIR faces share today: OperationOutcome exactly as seed 001 shows
 * (id = event id, six details codings), the code also in `nhn-error-code` and `X-KJ-Feilkode`.
 * Framework errors are KI-0007 ("some part of the request, like the body, is invalid"), with 413
 * kept for a body over the limit, which the catalogue has no code for. Each FHIR face module
 * builds its renderer from this with its own service name and codes, so either can leave it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { KjError } from '../domain/kj-error.js'
import { operationOutcome, type OutcomeIssue } from '../domain/fhir/operation-outcome.js'
import { faceRenderer, routeOf, type FaceRenderer } from './renderer.js'

export const FHIR_JSON = 'application/fhir+json; charset=utf-8'

export interface OperationOutcomeFace {
  readonly serviceName: string
  readonly environment: string
  /** Rewrites an error into the face's own code (the legacy face speaks KJF codes). */
  readonly translate?: (err: KjError) => KjError
}

const APPLICATION_VERSION = 'sandbox'

function metaOf (face: OperationOutcomeFace): { apiVersion: string, applicationVersion: string, environment: string, serviceName: string } {
  return { apiVersion: 'v1', applicationVersion: APPLICATION_VERSION, environment: face.environment, serviceName: face.serviceName }
}

/** `$validate`'s answer: error issues as the face's errors carry them, or one plain information issue. */
export interface ValidationOutcome {
  readonly resourceType: 'OperationOutcome'
  readonly id: string
  readonly issue: ReadonlyArray<OutcomeIssue | { readonly severity: 'information', readonly code: 'informational', readonly diagnostics: string }>
}

/**
 * `$validate`'s answer (200 either way, as FHIR's Resource-validate asks): one `error` issue per
 * reason the face would refuse the resource, coded as the face codes that refusal, or one
 * `information` issue when it would store it.
 * @see https://hl7.org/fhir/R4/resource-operation-validate.html
 */
export function validationOutcome (face: OperationOutcomeFace, eventId: string, errors: readonly KjError[], profile: string | undefined): ValidationOutcome {
  const meta = metaOf(face)
  if (errors.length === 0) {
    return {
      resourceType: 'OperationOutcome',
      id: eventId,
      issue: [{ severity: 'information', code: 'informational', diagnostics: `the resource is valid${profile === undefined ? '' : ` against ${profile}`}` }]
    }
  }
  const issues = errors.map((error) => operationOutcome(face.translate?.(error) ?? error, eventId, meta).issue.map((issue) => ({ ...issue, severity: 'error' as const }))).flat()
  return { resourceType: 'OperationOutcome', id: eventId, issue: issues }
}

export function operationOutcomeRenderer (face: OperationOutcomeFace): FaceRenderer {
  const meta = metaOf(face)
  return faceRenderer<KjError>({
    own: (err) => err instanceof KjError ? err : undefined,
    client: (error) => new KjError('KI-0007', error.message, undefined, error.status === 413 ? 413 : undefined),
    unexpected: () => new KjError('KI-0006', 'the sandbox failed unexpectedly; see its log'),
    notFound: (request) => new KjError('KI-0007', `no route for ${routeOf(request)}`),
    send: (request: FastifyRequest, reply: FastifyReply, error: KjError) => {
      const err = face.translate?.(error) ?? error
      return reply.code(err.statusCode).type(FHIR_JSON)
        .headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code })
        .send(operationOutcome(err, request.eventId, meta))
    }
  })
}
