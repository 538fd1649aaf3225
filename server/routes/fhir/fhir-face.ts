/**
 * What both FHIR faces' contexts share: FHIR JSON in and out, bodies parsed by the validation
 * chain so body errors come in order, `X-EVENT-ID`, and the face's error shape (server/faces).
 */
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../domain/json-depth.js'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import { useFace } from '../../faces/index.js'

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

export function asFhirFace (app: FastifyInstance, face: 'fhir-legacy' | 'critical-information'): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => { done(null, body) })
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-event-id', request.eventId)
    done()
  })
  useFace(app, face, { notFound: true })
}
