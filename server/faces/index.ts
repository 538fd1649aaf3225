/**
 * The faces table: which module renders the errors of which face. The root error and not-found
 * handlers and Fastify's `frameworkErrors` look the renderer up by the face of the URL; each
 * face's own encapsulated context installs its renderer by name with `useFace`. One place
 * answers "what shape does face X answer in".
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { faceOf, type Face } from '../domain/faces.js'
import { admin } from './admin.js'
import { criticalInfo } from './critical-info.js'
import { fhirLegacy } from './fhir-legacy.js'
import { oauth } from './oauth.js'
import { portal } from './portal.js'
import type { FaceRenderer } from './renderer.js'
import { rest } from './rest.js'
import { testToken } from './test-token.js'

export type { FaceRenderer } from './renderer.js'

/**
 * One renderer per face, plus the test-token service: a route of the HelseID face with a shape
 * of its own (its URL space stays HelseID's, so a URL never selects it).
 */
export const RENDERERS = {
  helseid: oauth,
  rest,
  'fhir-legacy': fhirLegacy,
  'critical-information': criticalInfo,
  portal,
  admin,
  'test-token': testToken
} as const satisfies Record<Face | 'test-token', FaceRenderer>

export type WireShape = keyof typeof RENDERERS

/** Paths no face owns (the API docs, unknown roots) answer as the sandbox's own API does. */
export function rendererFor (url: string): FaceRenderer {
  const face = faceOf(url)
  return RENDERERS[face === 'other' ? 'admin' : face]
}

/**
 * Makes an encapsulated context answer its errors in `shape`, and its unknown paths too when
 * it has a prefix of its own (`notFound`; Fastify allows one not-found handler per prefix).
 */
export function useFace (app: FastifyInstance, shape: WireShape, options: { notFound: boolean }): void {
  const renderer = RENDERERS[shape]
  app.setErrorHandler(async (err: unknown, request, reply) => renderer.render(request, reply, err))
  if (options.notFound) app.setNotFoundHandler(async (request, reply) => renderer.notFound(request, reply))
}

/** Fastify's `frameworkErrors` option: a request refused before routing (a broken URL). */
export function renderFrameworkError (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400
  rendererFor(request.url).fromFramework(request, reply, { status, message: err.message })
}
