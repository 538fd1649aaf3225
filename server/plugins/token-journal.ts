/**
 * What the token endpoint tells the journal about the token it issued: today only that the
 * organisation number in orgnr_child came from the client's registration (a compatibility
 * default) rather than from the EHR's structure, which real HelseID would not have put there.
 * A later readiness check reads the flag; weak, so nothing outlives its request.
 */
import type { FastifyRequest } from 'fastify'

const defaultChild = new WeakSet<FastifyRequest>()

export function flagDefaultChildOrganisation (request: FastifyRequest): void {
  defaultChild.add(request)
}

export function usedDefaultChildOrganisation (request: FastifyRequest): boolean {
  return defaultChild.has(request)
}
