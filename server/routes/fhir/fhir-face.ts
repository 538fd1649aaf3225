/**
 * What both FHIR faces share: FHIR JSON in and out, OperationOutcome errors exactly as seed 001
 * shows (id = event id, six details codings) with the code also in `nhn-error-code` and
 * `X-KJ-Feilkode`, and bodies parsed by the validation chain so body errors come in order.
 */
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../domain/json-depth.js'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import { operationOutcome } from '../../domain/fhir/operation-outcome.js'

export const FHIR_JSON = 'application/fhir+json; charset=utf-8'

export interface FhirFaceOptions {
  readonly serviceName: string
  readonly environment: string
  /** Rewrites an error into the face's own code (the legacy face speaks KJF codes). */
  readonly translate?: (err: KjError) => KjError
}

const APPLICATION_VERSION = 'sandbox'

export function sendFhirError (request: FastifyRequest, reply: FastifyReply, error: KjError, options: FhirFaceOptions): FastifyReply {
  const err = options.translate?.(error) ?? error
  return reply.code(err.statusCode).type(FHIR_JSON)
    .headers({ 'nhn-error-code': err.code, 'x-kj-feilkode': err.code })
    .send(operationOutcome(err, request.eventId, { apiVersion: 'v1', applicationVersion: APPLICATION_VERSION, environment: options.environment, serviceName: options.serviceName }))
}

function toKjError (err: FastifyError): KjError | undefined {
  const status = err.statusCode ?? 500
  // The catalogue has no code for a body over the limit: KI-0007 ("some part ... like the body"), with 413.
  if (status === 413) return new KjError('KI-0007', err.message, undefined, 413)
  if (status >= 400 && status < 500) return new KjError('KI-0007', err.message)
  return undefined
}

/** The JSON body the chain asked for; KI-0007 when it is not JSON. */
export function fhirBody (request: FastifyRequest): unknown {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/fhir+json' && type !== 'application/json') {
    throw new KjError('KI-0007', `Content-Type '${type ?? ''}' is not supported; send application/fhir+json`)
  }
  const raw = typeof request.body === 'string' ? request.body : ''
  if (nestsDeeperThan(raw)) throw new KjError('KI-0007', `the body nests deeper than ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(raw)
  } catch {
    throw new KjError('KI-0007', 'the body is not valid JSON')
  }
}

export function asFhirFace (app: FastifyInstance, options: FhirFaceOptions): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => { done(null, body) })
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-event-id', request.eventId)
    done()
  })
  app.setErrorHandler(async (err: unknown, request, reply) => {
    const kj = err instanceof KjError ? err : toKjError(err as FastifyError)
    if (kj !== undefined) return sendFhirError(request, reply, kj, options)
    request.log.error({ err }, 'unexpected error')
    return sendFhirError(request, reply, new KjError('KI-0006', 'the sandbox failed unexpectedly; see its log'), options)
  })
  app.setNotFoundHandler(async (request, reply) =>
    sendFhirError(request, reply, new KjError('KI-0007', `no route for ${request.method} ${request.url.split('?')[0]}`), options))
}
