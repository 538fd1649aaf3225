/**
 * What a face module exports, and the one way to build it: a face says what its own errors are,
 * how it words a client error, our bug and a not-found, and how it sends an error; the order
 * (own error, then client error, then our bug, logged) is written here once for all faces.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { KjError } from '../domain/kj-error.js'
import { withoutQuery } from '../domain/url-path.js'
import { clientError, type ClientError } from './client-error.js'

export interface FaceRenderer {
  /** Anything a route, hook or body parser threw, in the face's shape. */
  render (request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply
  /** A client error Fastify raised before any route ran (a broken URL), in the face's shape. */
  fromFramework (request: FastifyRequest, reply: FastifyReply, error: ClientError): FastifyReply
  /** No route for the request, in the face's shape. */
  notFound (request: FastifyRequest, reply: FastifyReply): FastifyReply
}

export interface FaceShape<E> {
  /** The face's own error type; undefined when `err` is not one. */
  own (err: unknown): E | undefined
  /** A client error (4xx) as the face's error. */
  client (error: ClientError): E
  /** Our own bug, without detail: the log has it. */
  unexpected (): E
  notFound (request: FastifyRequest): E
  send (request: FastifyRequest, reply: FastifyReply, error: E): FastifyReply
}

/**
 * The header only the sandbox sends: how to fix what the sandbox's world lacks (see
 * KjError.sandboxHint). The request journal copies it into the entry.
 */
export const SANDBOX_HINT_HEADER = 'x-sandbox-hint'

/** `GET /v1/x` for a not-found message: method and path, never the query (it may hold a ticket). */
export function routeOf (request: FastifyRequest): string {
  return `${request.method} ${withoutQuery(request.url)}`
}

export function faceRenderer<E> (shape: FaceShape<E>): FaceRenderer {
  const send = (request: FastifyRequest, reply: FastifyReply, error: E): FastifyReply => {
    // A request refused before the sandbox's onRequest hook ran still needs an event id.
    if (request.eventId === '') request.eventId = randomUUID()
    return shape.send(request, reply, error)
  }
  return {
    render (request, reply, err) {
      if (err instanceof KjError && err.sandboxHint !== undefined) reply.header(SANDBOX_HINT_HEADER, err.sandboxHint)
      const own = shape.own(err)
      if (own !== undefined) return send(request, reply, own)
      const client = clientError(err)
      if (client !== undefined) return send(request, reply, shape.client(client))
      request.log.error({ err }, 'unexpected error')
      return send(request, reply, shape.unexpected())
    },
    fromFramework: (request, reply, error) => send(request, reply, shape.client(error)),
    notFound: (request, reply) => send(request, reply, shape.notFound(request))
  }
}
