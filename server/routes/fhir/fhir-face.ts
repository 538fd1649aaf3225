/**
 * What both FHIR faces' contexts share: FHIR JSON in and out (an Accept for XML alone is 406),
 * bodies parsed by the validation chain so body errors come in order, `X-EVENT-ID`, 405 for a
 * method a path does not serve, and the face's error shape (server/faces).
 */
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../domain/json-depth.js'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { wantsXmlOnly } from '../../domain/fhir/accept.js'
import { KjError } from '../../domain/kj-error.js'
import { useFace } from '../../faces/index.js'
import { answerOtherMethods, recordRoutes } from './method-not-allowed.js'

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

type FhirFace = 'fhir-legacy' | 'critical-information'

/**
 * Sets up a FHIR face's context; register the face's routes, then call the returned function
 * (it adds the 405 answers for the methods those routes do not serve).
 */
export function asFhirFace (app: FastifyInstance, face: FhirFace): () => void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => { done(null, body) })
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-event-id', request.eventId)
    const accept = request.headers.accept
    if (wantsXmlOnly(accept)) {
      done(new KjError('KI-0007', `Accept '${accept ?? ''}' asks for XML; this API answers application/fhir+json only`, undefined, 406))
      return
    }
    done()
  })
  useFace(app, face, { notFound: true })
  const served = recordRoutes(app)
  return () => { answerOtherMethods(app, served, face) }
}
