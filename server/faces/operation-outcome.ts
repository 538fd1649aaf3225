/**
 * What the two FHIR faces share: OperationOutcome bodies as FHIR JSON, the code also in
 * `nhn-error-code` and `X-KJ-Feilkode`, framework errors as KI-0007 ("some part of the request,
 * like the body, is invalid") with 413 kept for a body over the limit, which the catalogue has no
 * code for. Each face module says how its body looks (`body`) and which codes it speaks
 * (`translate`): the critical-information API seed 001's shape with KI codes, the ticket face its
 * own two-issue shape with KJF codes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { KjError } from '../domain/kj-error.js'
import { faceRenderer, routeOf, type FaceRenderer } from './renderer.js'

export const FHIR_JSON = 'application/fhir+json; charset=utf-8'

export interface OperationOutcomeFace {
  /** The face's error body for an error already in the face's own code. */
  readonly body: (err: KjError, request: FastifyRequest) => object
  /** Rewrites an error into the face's own code (the ticket face speaks KJF codes). */
  readonly translate?: (err: KjError) => KjError
}

/** An issue of a face's error body, as `$validate` lists it. */
interface FaceIssue { readonly severity: string, readonly code: string, readonly diagnostics?: string }

/** `$validate`'s answer: error issues as the face's errors carry them, or one plain information issue. */
export interface ValidationOutcome {
  readonly resourceType: 'OperationOutcome'
  readonly id: string
  readonly issue: readonly FaceIssue[]
}

/**
 * `$validate`'s answer (200 either way, as FHIR's Resource-validate asks): the issues of each
 * error the face would refuse the resource with, in the face's own body shape and codes (the
 * ticket face's code-and-message pairs), as `error`; or one `information` issue when it would
 * store it.
 * @see https://hl7.org/fhir/R4/resource-operation-validate.html
 */
export function validationOutcome (face: OperationOutcomeFace, request: FastifyRequest, errors: readonly KjError[], profile: string | undefined): ValidationOutcome {
  if (errors.length === 0) {
    return {
      resourceType: 'OperationOutcome',
      id: request.eventId,
      issue: [{ severity: 'information', code: 'informational', diagnostics: `the resource is valid${profile === undefined ? '' : ` against ${profile}`}` }]
    }
  }
  const issues = errors.flatMap((error) => {
    const body = face.body(face.translate?.(error) ?? error, request) as { issue?: readonly FaceIssue[] }
    return (body.issue ?? []).map((issue) => ({ ...issue, severity: 'error' }))
  })
  return { resourceType: 'OperationOutcome', id: request.eventId, issue: issues }
}

export function operationOutcomeRenderer (face: OperationOutcomeFace): FaceRenderer {
  return faceRenderer<KjError>({
    own: (err) => err instanceof KjError ? err : undefined,
    client: (error) => new KjError('KI-0007', error.message, undefined, error.status === 413 ? 413 : undefined),
    unexpected: () => new KjError('KI-0006', 'the sandbox failed unexpectedly; see its log'),
    notFound: (request) => new KjError('KI-0007', `no route for ${routeOf(request)}`),
    send: (request: FastifyRequest, reply: FastifyReply, error: KjError) => {
      const err = face.translate?.(error) ?? error
      return reply.code(err.statusCode).type(FHIR_JSON)
        .headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code })
        .send(face.body(err, request))
    }
  })
}
