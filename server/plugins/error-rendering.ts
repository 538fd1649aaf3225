/**
 * The root error and not-found handlers: whatever no face's own context answered (routes at the
 * root, paths the router resolved out of a face's prefix, unknown paths) goes out in the shape
 * of the face the URL belongs to, looked up in the faces table (server/faces). Our own bugs
 * answer 500 without detail and are logged; they are never passed off as a validation error.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { rendererFor } from '../faces/index.js'

export default fp(async (app) => {
  app.setErrorHandler(async (err: unknown, request: FastifyRequest, reply: FastifyReply) => rendererFor(request.url).render(request, reply, err))
  app.setNotFoundHandler(async (request, reply) => rendererFor(request.url).notFound(request, reply))
}, { name: 'error-rendering', fastify: '5.x' })
