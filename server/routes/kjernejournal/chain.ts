/**
 * The REST face's validation chain, one step per function, called in the real service's order:
 * method -> content type -> token -> X-EPJ-System -> organisation -> body -> NIN -> patient -> consent.
 * The content type and token steps are shared with other faces (routes/shared).
 */
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../domain/json-depth.js'
import type { FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import type { KjToken } from '../../domain/kjernejournal/access-token.js'
import { checkEpjSystem } from '../../domain/kjernejournal/organisation-access.js'
import type { Organisation } from '../../domain/world/organisations.js'
import { authoriseKjOrganisation } from '../shared/organisation.js'
import { requireToken } from '../shared/token.js'

export function requireMethod (request: FastifyRequest, method: 'GET' | 'POST'): void {
  if (request.method !== method) throw new KjError('KJF-000349', `${request.method} is not supported here; use ${method}`)
}

export async function requireCaller (request: FastifyRequest): Promise<{ token: KjToken, organisation: Organisation, epjSystem: string }> {
  const token = await requireToken(request)
  const epjSystem = checkEpjSystem(request.headers['x-epj-system'])
  const organisation = authoriseKjOrganisation(request, token)
  return { token, organisation, epjSystem }
}

export function jsonBody (request: FastifyRequest): unknown {
  const raw = typeof request.body === 'string' ? request.body : ''
  if (nestsDeeperThan(raw)) throw new KjError('KJF-000206', `the body nests deeper than ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(raw)
  } catch {
    throw new KjError('KJF-000206', 'the body is not valid JSON')
  }
}
