/**
 * A route the real service answers on every method, with its own error for the wrong one
 * (KJF-000349): the right method is registered with its description, the others hidden, so the
 * document lists one operation per path. Fastify's `all` would also list methods OpenAPI 3.1 has
 * no key for (QUERY), which made the document invalid.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify'

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>

export function oneMethod (app: FastifyInstance, method: 'GET' | 'POST', url: string, schema: FastifySchema, handler: Handler): void {
  app.route({ method, url, schema, handler })
  // Fastify answers HEAD with a GET route itself (it then meets the route's own method check).
  const others = app.supportedMethods.filter((m) => m !== method && !(method === 'GET' && m === 'HEAD'))
  app.route({ method: others as HTTPMethods[], url, schema: { hide: true }, handler })
}
