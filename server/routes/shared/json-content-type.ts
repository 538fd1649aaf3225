/**
 * The content-type check of the Kjernejournal JSON APIs (the REST face and the Innlogging API):
 * anything but application/json is KJF-000350, before the token is looked at, as the real
 * service orders its checks.
 */
import type { FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'

export function requireJson (request: FastifyRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') throw new KjError('KJF-000350', `Content-Type '${type ?? ''}' is not supported; send application/json`)
}

/**
 * The Innlogging API's check: application/json, or no Content-Type at all, since NHN's reference
 * EHR sends refresh and end without one (Java's HttpClient adds none). A type that says
 * something else is still KJF-000350. (leniency: innlogging-json-without-content-type)
 */
export function requireJsonOrNone (request: FastifyRequest): void {
  if (request.headers['content-type'] === undefined) return
  requireJson(request)
}
