/**
 * Swagger UI at `/docs`, loaded on its first request instead of at start. @fastify/swagger-ui
 * pulls in @fastify/static, glob, a YAML library and more through CommonJS (it stays outside the
 * bundle): about a tenth of the sandbox's cold start in a profile (issue 17), for pages most runs
 * never open. The first `/docs` request builds a small Fastify instance holding the real plugin
 * (its `swagger()` is the sandbox's own document) and every `/docs` request is answered by it.
 * Drop-in for the package's plugin: same options.
 */
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

/** Hop-by-hop and framing headers the outer reply sets for itself. */
const NOT_COPIED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'])

async function buildDocs (outer: FastifyInstance, options: FastifySwaggerUiOptions): Promise<FastifyInstance> {
  const { default: swaggerUi } = await import('@fastify/swagger-ui')
  const inner = Fastify({ logger: false })
  // swagger-ui depends on a plugin named @fastify/swagger; this one lends it the sandbox's document.
  await inner.register(fp(async (app) => {
    const lend = (opts?: { yaml: boolean }): unknown => opts === undefined ? outer.swagger() : outer.swagger(opts)
    app.decorate('swagger', lend as FastifyInstance['swagger'])
  }, { name: '@fastify/swagger', fastify: '5.x' }))
  await inner.register(swaggerUi, options)
  await inner.ready()
  return inner
}

export default fp<FastifySwaggerUiOptions>(async (app, options) => {
  const prefix = options.routePrefix ?? '/documentation'
  let docs: Promise<FastifyInstance> | undefined
  app.addHook('onClose', async () => { if (docs !== undefined) await (await docs).close() })

  const answer = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    docs ??= buildDocs(app, options)
    const res = await (await docs).inject({ method: request.method as 'GET', url: request.url, headers: request.headers })
    // What the UI does not have is the sandbox's own not-found, as before.
    if (res.statusCode === 404) return reply.callNotFound() as unknown as FastifyReply
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined && !NOT_COPIED.has(name)) reply.header(name, value)
    }
    return reply.code(res.statusCode).send(res.rawPayload)
  }
  app.route({ method: 'GET', url: prefix, schema: { hide: true }, handler: answer })
  app.route({ method: 'GET', url: `${prefix}/*`, schema: { hide: true }, handler: answer })
}, { name: 'lazy-swagger-ui', fastify: '5.x' })
