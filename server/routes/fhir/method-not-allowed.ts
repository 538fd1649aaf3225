/**
 * A method a path of a FHIR face does not serve answers 405 with `Allow`, in the face's shape
 * (RFC 9110 section 15.5.6), before any token check: the path exists, the method does not. Without
 * this, `GET /status` fell through to `GET /:type` (501, "not implemented") and `PUT /status` to
 * the not-found handler (400). 501 stays for what the API documents as not implemented (a
 * resource type it does not serve). The served methods are read off the routes the face
 * registers, so a new route is covered without a list to keep in step.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6
 */
import type { FastifyInstance, HTTPMethods } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import { RENDERERS } from '../../faces/index.js'

/** The methods the sandbox answers 405 for; OPTIONS stays with CORS (preflight). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const

export interface ServedRoutes {
  /** Path (without the face's prefix) -> the methods routed there, HEAD included where GET is. */
  readonly byPath: Map<string, Set<string>>
}

/** Starts recording the face's routes; call before registering them. */
export function recordRoutes (app: FastifyInstance): ServedRoutes {
  const byPath = new Map<string, Set<string>>()
  app.addHook('onRoute', (route) => {
    const methods = byPath.get(route.routePath) ?? new Set<string>()
    for (const method of [route.method].flat()) methods.add(method.toUpperCase())
    // Fastify serves HEAD for every GET route (exposeHeadRoutes).
    if (methods.has('GET')) methods.add('HEAD')
    byPath.set(route.routePath, methods)
  })
  return { byPath }
}

/** `Allow` for a path: its methods in a fixed order. */
export function allowOf (methods: ReadonlySet<string>): string {
  return METHODS.filter((m) => methods.has(m)).join(', ')
}

/** Registers the 405 answers for every method a recorded path does not serve; call after the face's routes. */
export function answerOtherMethods (app: FastifyInstance, served: ServedRoutes, face: 'fhir-legacy' | 'critical-information'): void {
  const renderer = RENDERERS[face]
  const paths = [...served.byPath.entries()].map(([path, methods]) => ({ path, allow: allowOf(methods), missing: METHODS.filter((m) => !methods.has(m)) }))
  for (const { path, allow, missing } of paths) {
    if (missing.length === 0) continue
    app.route({
      method: missing as HTTPMethods[],
      url: path,
      exposeHeadRoute: false,
      // Not an operation the path serves: the document lists what it serves (HTTP's 405 says the rest).
      schema: { hide: true },
      handler: async (request, reply) => {
        const err = new KjError('KI-0007', `${request.method} is not allowed here; this path serves ${allow}`, undefined, 405)
        return renderer.render(request, reply.header('allow', allow), err)
      }
    })
  }
}
