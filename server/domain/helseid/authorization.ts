/**
 * The authorization-code flow's pure parts: checking an authorization request (from
 * `/connect/authorize` or `/connect/par`), issuing a code bound to it, and redeeming the code
 * with PKCE. HelseID requires PKCE with S256 for every client.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
import { createHash, randomBytes } from 'node:crypto'
import { isEmpty, parseAuthorizationDetails, type AuthorizationDetails } from './authorization-details.js'
import type { Client } from './clients.js'
import { OAuthError } from './oauth-error.js'
import { parseScopeParam, resolveScopes } from './scopes.js'
import type { LoginIdentity } from './token-minter.js'

export interface AuthorizationRequest {
  readonly clientId: string
  readonly redirectUri: string
  readonly scopes: string[]
  readonly resources: string[]
  readonly state?: string
  readonly nonce?: string
  readonly codeChallenge: string
  readonly dpopJkt?: string
  readonly loginHint?: string
  readonly testPid?: string
  readonly testSecurityLevel?: string
  /** Structures from the request object or PAR's authorization_details, for every token of the login. */
  readonly details?: AuthorizationDetails
}

export interface AuthorizationCode {
  readonly request: AuthorizationRequest
  readonly identity: LoginIdentity
}

/** Raised for a request whose redirect_uri cannot be trusted: shown to the user, never redirected. */
export class UntrustedRedirectError extends OAuthError {}

export type AuthorizeParams = Record<string, string | string[] | undefined>

/**
 * The longest value each parameter may have. A checked request is kept (PAR, login page, code)
 * in stores any peer can fill, so what one entry holds is bounded too (issue 18); real values
 * are far shorter. Parameters not named here: DEFAULT_MAX_LENGTH.
 */
export const MAX_PARAM_LENGTH: Readonly<Record<string, number>> = { redirect_uri: 2048, scope: 1024, state: 512, nonce: 512, authorization_details: 8192 }
const DEFAULT_MAX_LENGTH = 256
/** At most this many `resource` parameters (RFC 8707), each a known API. */
export const MAX_RESOURCES = 16

function single (params: AuthorizeParams, name: string): string | undefined {
  const value = params[name]
  if (Array.isArray(value)) throw new OAuthError('invalid_request', `parameter '${name}' must be given once`)
  const max = MAX_PARAM_LENGTH[name] ?? DEFAULT_MAX_LENGTH
  if (value !== undefined && value.length > max) {
    // An oversize redirect_uri is not trusted: the error is shown, never sent there.
    const Err = name === 'redirect_uri' ? UntrustedRedirectError : OAuthError
    throw new Err('invalid_request', `parameter '${name}' is longer than ${max} characters`)
  }
  return value === '' ? undefined : value
}

function many (params: AuthorizeParams, name: string): string[] {
  const value = params[name]
  if (value === undefined) return []
  const values = Array.isArray(value) ? value : [value]
  if (values.length > MAX_RESOURCES) throw new OAuthError('invalid_request', `at most ${MAX_RESOURCES} '${name}' parameters`)
  return values
}

const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:'])

/** Any absolute URI but script and file ones: native EHRs use their own schemes. */
export function isSafeRedirect (value: string): boolean {
  try {
    return !UNSAFE_SCHEMES.has(new URL(value).protocol)
  } catch {
    return false
  }
}

/** Checks the redirect URI first: until it is trusted, errors may not be sent to it. */
export function trustedRedirectUri (params: AuthorizeParams, client: Client): string {
  const redirectUri = single(params, 'redirect_uri')
  if (redirectUri === undefined) throw new UntrustedRedirectError('invalid_request', 'redirect_uri is required')
  if (client.redirect_uris !== undefined ? !client.redirect_uris.includes(redirectUri) : !isSafeRedirect(redirectUri)) {
    throw new UntrustedRedirectError('invalid_request', `redirect_uri '${redirectUri}' is not registered for client '${client.client_id}'`)
  }
  return redirectUri
}

export function parseAuthorizationRequest (params: AuthorizeParams, client: Client): AuthorizationRequest {
  const redirectUri = trustedRedirectUri(params, client)
  const responseType = single(params, 'response_type')
  if (responseType !== 'code') throw new OAuthError('unsupported_response_type', 'response_type must be code')
  const codeChallenge = single(params, 'code_challenge')
  if (codeChallenge === undefined) throw new OAuthError('invalid_request', 'code_challenge is required (PKCE)')
  if (single(params, 'code_challenge_method') !== 'S256') throw new OAuthError('invalid_request', 'code_challenge_method must be S256')
  if (!/^[\w-]{43,128}$/.test(codeChallenge)) throw new OAuthError('invalid_request', 'code_challenge is not a base64url SHA-256 value')
  const requested = parseScopeParam(single(params, 'scope')) ?? []
  if (!requested.includes('openid')) throw new OAuthError('invalid_scope', 'scope must include openid')
  const resources = many(params, 'resource')
  // Checked here, narrowed only when tokens are made: the login consents to every requested
  // scope, so a refresh may later ask for another resource's token.
  resolveScopes(client, requested, { userPresent: true, resources })
  const scopes = requested
  const optional = (name: string): Record<string, string> => {
    const value = single(params, name)
    return value === undefined ? {} : { [name]: value }
  }
  const { state, nonce, dpop_jkt: dpopJkt, login_hint: loginHint, test_pid: testPid, test_security_level: testSecurityLevel } = {
    ...optional('state'), ...optional('nonce'), ...optional('dpop_jkt'), ...optional('login_hint'), ...optional('test_pid'), ...optional('test_security_level')
  }
  const details = parseAuthorizationDetails(single(params, 'authorization_details'))
  return {
    clientId: client.client_id,
    redirectUri,
    scopes,
    ...(!isEmpty(details) && { details }),
    resources,
    codeChallenge,
    ...(state !== undefined && { state }),
    ...(nonce !== undefined && { nonce }),
    ...(dpopJkt !== undefined && { dpopJkt }),
    ...(loginHint !== undefined && { loginHint }),
    ...(testPid !== undefined && { testPid }),
    ...(testSecurityLevel !== undefined && { testSecurityLevel })
  }
}

export function newCode (): string {
  return randomBytes(32).toString('base64url')
}

export function pkceChallengeOf (verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

/** The redirect back to the client, with `iss` as RFC 9207 asks. */
export function redirectWith (redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri)
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value)
  }
  return url.toString()
}

/** Checks a code redemption; returns the code's grant or throws `invalid_grant`. */
export function checkCodeRedemption (
  code: AuthorizationCode | undefined,
  client: Client,
  redirectUri: string | undefined,
  codeVerifier: string | undefined
): AuthorizationCode {
  if (code === undefined) throw new OAuthError('invalid_grant', 'authorization code is unknown, expired or already used')
  if (code.request.clientId !== client.client_id) throw new OAuthError('invalid_grant', 'authorization code was issued to another client')
  if (redirectUri !== code.request.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri differs from the one in the authorization request')
  if (codeVerifier === undefined) throw new OAuthError('invalid_grant', 'code_verifier is required (PKCE)')
  if (pkceChallengeOf(codeVerifier) !== code.request.codeChallenge) throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge')
  return code
}
