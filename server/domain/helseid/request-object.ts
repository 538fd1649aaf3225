/**
 * Signed request objects (JAR, RFC 9101) at /connect/authorize and /connect/par: the
 * authorization request as a JWT signed with the client's key, so HelseID can trust what it
 * carries (the organisation structure and the attest in `authorization_details`). Only the
 * object's parameters count; `client_id` outside it must match. HelseID's discovery also lists
 * HS* algorithms; the sandbox verifies with the client's registered public keys only.
 * @see https://www.rfc-editor.org/rfc/rfc9101
 */
import { errors, jwtVerify, type JWTPayload } from 'jose'
import { ASYMMETRIC_ALGS } from './claims.js'
import type { Client } from './clients.js'
import { OAuthError } from './oauth-error.js'

/** What the object carries, as authorize parameters: strings, and JSON for authorization_details. */
export type RequestObjectParams = Record<string, string | string[] | undefined>

const SKEW = 5
/** Claims of the JWT itself, not authorization parameters. */
const JWT_CLAIMS = new Set(['iss', 'aud', 'exp', 'iat', 'nbf', 'jti'])

function invalidObject (description: string): OAuthError {
  return new OAuthError('invalid_request_object', description)
}

function describe (err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'the request object has expired'
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'the request object signature does not match any key registered for the client'
  if (err instanceof errors.JWKSNoMatchingKey) return 'no key registered for the client matches the request object (check kid and alg)'
  if (err instanceof errors.JWTClaimValidationFailed) return `request object claim '${err.claim}' is invalid (${err.reason})`
  if (err instanceof errors.JOSEAlgNotAllowed) return 'the request object must be signed with an asymmetric algorithm (RS256, PS256, ES256, ...)'
  return 'the request object is not a valid signed JWT'
}

/**
 * Verifies `request` for `client` (iss = client_id, aud = the issuer) and returns its parameters.
 * `now` is the clock that judges client-made JWTs, in seconds.
 */
export async function readRequestObject (request: string, client: Client, options: { issuer: string, now: number, clientIdParam?: string }): Promise<RequestObjectParams> {
  if (client.keySet === undefined) throw invalidObject(`client '${client.client_id}' has no registered key to verify a request object with`)
  let payload: JWTPayload
  try {
    ({ payload } = await jwtVerify(request, client.keySet, {
      issuer: client.client_id,
      audience: options.issuer,
      algorithms: [...ASYMMETRIC_ALGS],
      currentDate: new Date(options.now * 1000),
      clockTolerance: SKEW
    }))
  } catch (err) {
    throw invalidObject(describe(err))
  }
  if (payload.client_id !== undefined && payload.client_id !== client.client_id) throw invalidObject('client_id in the request object differs from the client_id parameter')
  if (options.clientIdParam !== undefined && options.clientIdParam !== client.client_id) throw invalidObject('client_id differs from the request object\'s')
  const params: RequestObjectParams = {}
  for (const [name, value] of Object.entries(payload)) {
    if (JWT_CLAIMS.has(name) || name === 'request' || name === 'request_uri') continue
    if (typeof value === 'string') params[name] = value
    else if (Array.isArray(value) && name === 'resource' && value.every((v) => typeof v === 'string')) params[name] = value as string[]
    else if (name === 'authorization_details') params[name] = JSON.stringify(value)
    else throw invalidObject(`request object parameter '${name}' must be a string`)
  }
  return params
}
