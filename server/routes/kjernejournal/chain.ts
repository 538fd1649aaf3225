/**
 * The REST face's validation chain, one step per function, called in the real service's order:
 * method -> content type -> token -> X-EPJ-System -> organisation -> body -> NIN -> patient -> consent.
 */
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../domain/json-depth.js'
import type { FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import { verifyKjToken, type KjToken } from '../../domain/kjernejournal/access-token.js'
import { authoriseOrganisation, checkEpjSystem } from '../../domain/kjernejournal/organisation-access.js'
import type { Organisation } from '../../domain/world/organisations.js'
import { clientJwtNow } from '../helseid/form.js'

export function requireMethod (request: FastifyRequest, method: 'GET' | 'POST'): void {
  if (request.method !== method) throw new KjError('KJF-000349', `${request.method} is not supported here; use ${method}`)
}

export function requireJson (request: FastifyRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') throw new KjError('KJF-000350', `Content-Type '${type ?? ''}' is not supported; send application/json`)
}

/** The API a token must be for: Kjernejournal's by default, or the critical-information API. */
export interface TokenAudience {
  readonly audience: string
  readonly scope: string
}

export const KJERNEJOURNAL_API: TokenAudience = { audience: 'nhn:kjernejournal', scope: 'nhn:kjernejournal/api' }

/** `requireDpop` overrides REQUIRE_DPOP for APIs that only ever took DPoP (Kjernejournal Innlogging). */
export async function requireToken (request: FastifyRequest, api: TokenAudience = KJERNEJOURNAL_API, options: { requireDpop?: boolean } = {}): Promise<KjToken> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  return verifyKjToken(request.headers.authorization, {
    verify: sandbox.verifiedTokens,
    issuer: request.issuer,
    audience: api.audience,
    scope: api.scope,
    now: session.clock.epochSeconds(),
    maxLifetime: sandbox.config.KJ_MAX_TOKEN_LIFETIME,
    requireDpop: options.requireDpop ?? sandbox.config.REQUIRE_DPOP,
    request: {
      method: request.method,
      url: `${request.issuer}${request.url.split('?')[0] ?? ''}`,
      ...(request.headers.dpop !== undefined && { dpop: request.headers.dpop }),
      proofNow: clientJwtNow(request)
    },
    replay: session.dpopJtis
  })
}

export async function requireCaller (request: FastifyRequest): Promise<{ token: KjToken, organisation: Organisation, epjSystem: string }> {
  const token = await requireToken(request)
  const epjSystem = checkEpjSystem(request.headers['x-epj-system'])
  const organisation = authoriseOrganisation(token, request.server.sandbox.world.organisations)
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
