/**
 * What the token, PAR and revocation endpoints share: the form body (RFC 6749 forbids repeated
 * parameters, except RFC 8707's `resource`), client authentication, and DPoP proofs, all judged
 * by the clock the settings name for client-made JWTs.
 */
import type { FastifyRequest } from 'fastify'
import { authenticateClientRequest, type AuthenticatedClient } from '../../domain/helseid/client-authentication.js'
import type { Client } from '../../domain/helseid/clients.js'
import { endpointUrl } from '../../domain/helseid/discovery.js'
import { DpopProofError, verifyDpopProof } from '../../domain/helseid/dpop.js'
import type { TokenParams } from '../../domain/helseid/grants/context.js'
import { OAuthError } from '../../domain/helseid/oauth-error.js'
import { clientJwtNow } from '../shared/client-jwt-now.js'
import { lenient } from '../shared/leniency.js'

const REPEATABLE = new Set(['resource'])

export function formParams (request: FastifyRequest): TokenParams {
  const type = request.headers['content-type'] ?? ''
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new OAuthError('invalid_request', 'the body must be application/x-www-form-urlencoded')
  }
  const body = (request.body ?? {}) as Record<string, string | string[]>
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value) && !REPEATABLE.has(name)) throw new OAuthError('invalid_request', `parameter '${name}' must be given once`)
  }
  return body
}

export async function authenticate (request: FastifyRequest, params: TokenParams): Promise<Client> {
  return (await authenticateWithAssertion(request, params)).client
}

/** As authenticate, with the claims of the client assertion (its `authorization_details`). */
export async function authenticateWithAssertion (request: FastifyRequest, params: TokenParams): Promise<AuthenticatedClient> {
  const { sandbox } = request.server
  const session = request.sandboxSession
  const issuer = request.issuer
  const str = (name: string): string | undefined => {
    const v = params[name]
    return typeof v === 'string' ? v : undefined
  }
  const authenticated = await authenticateClientRequest({
    client_id: str('client_id'),
    client_assertion: str('client_assertion'),
    client_assertion_type: str('client_assertion_type'),
    client_secret: str('client_secret'),
    authorization: request.headers.authorization
  }, {
    clients: sandbox.clients,
    issuer,
    tokenEndpoint: endpointUrl(issuer, 'token'),
    now: clientJwtNow(request),
    maxLifetime: sandbox.config.CLIENT_ASSERTION_MAX_LIFETIME,
    replay: session.assertionJtis
  })
  if (str('client_assertion') === undefined) {
    const how = str('client_secret') !== undefined ? 'client_secret in the body' : 'client_secret_basic (Authorization: Basic)'
    if (!lenient(request, 'client-secret-auth', `client '${authenticated.client.client_id}' authenticated with ${how}`)) {
      throw new OAuthError('invalid_client', 'HelseID requires private_key_jwt: authenticate with a signed client_assertion, not a client secret (strict profile)')
    }
  }
  return authenticated
}

/**
 * Verifies the DPoP proof a request to `endpoint` carries, if any; returns its key thumbprint.
 * With DPOP_NONCE on, a proof without the current nonce gets `use_dpop_nonce` and the nonce.
 */
export async function dpopKeyOf (request: FastifyRequest, endpoint: 'token' | 'par'): Promise<string | undefined> {
  const { sandbox } = request.server
  const header = request.headers.dpop
  if (header === undefined) {
    if (sandbox.config.REQUIRE_DPOP && endpoint === 'token') throw new OAuthError('invalid_dpop_proof', 'a DPoP proof is required (REQUIRE_DPOP is on)')
    return undefined
  }
  if (Array.isArray(header)) throw new OAuthError('invalid_dpop_proof', 'send exactly one DPoP header')
  const now = clientJwtNow(request)
  try {
    const proof = await verifyDpopProof(header, {
      method: 'POST',
      url: endpointUrl(request.issuer, endpoint),
      now,
      replay: request.sandboxSession.dpopJtis,
      ...(sandbox.config.DPOP_NONCE && { acceptsNonce: (nonce: string) => sandbox.nonces.accepts(nonce, now) })
    })
    return proof.jkt
  } catch (err) {
    if (!(err instanceof DpopProofError)) throw err
    if (err.reason === 'nonce') {
      throw new OAuthError('use_dpop_nonce', err.message, { headers: { 'dpop-nonce': sandbox.nonces.current(now) } })
    }
    throw new OAuthError('invalid_dpop_proof', err.message)
  }
}
