/**
 * Which scopes a token gets and which audiences follow from them. HelseID derives `aud` from the
 * API resources of the requested scopes (`nhn:kjernejournal/api` -> `nhn:kjernejournal`), so a
 * request for two APIs' scopes yields a token with two audiences, which Kjernejournal refuses
 * (KJF-000345), unless the client narrows it with the RFC 8707 `resource` parameter.
 * @see https://www.rfc-editor.org/rfc/rfc8707
 */
import { IDENTITY_SCOPES, KNOWN_API_SCOPES } from './claims.js'
import type { Client } from './clients.js'
import { OAuthError } from './oauth-error.js'

const identityScopes: ReadonlySet<string> = new Set(IDENTITY_SCOPES)

export function isIdentityScope (scope: string): boolean {
  return identityScopes.has(scope)
}

/** `nhn:kjernejournal/api` -> `nhn:kjernejournal`. */
export function audienceOfScope (scope: string): string {
  const slash = scope.lastIndexOf('/')
  return slash > 0 ? scope.slice(0, slash) : scope
}

export function allowedScopes (client: Client): ReadonlySet<string> {
  return new Set(client.scopes ?? [...IDENTITY_SCOPES, ...KNOWN_API_SCOPES])
}

export function parseScopeParam (scope: string | undefined): string[] | undefined {
  if (scope === undefined) return undefined
  return [...new Set(scope.split(' ').filter(Boolean))]
}

export interface ResolvedScopes {
  readonly scopes: string[]
  readonly audiences: string[]
}

/**
 * Checks the requested scopes against the client and narrows them to the requested resources.
 * `requested` undefined means "all the client may have" (client_credentials without `scope`).
 */
export function resolveScopes (
  client: Client,
  requested: readonly string[] | undefined,
  options: { userPresent: boolean, resources?: readonly string[] }
): ResolvedScopes {
  const allowed = allowedScopes(client)
  const wanted = requested ?? [...allowed].filter((s) => options.userPresent || !isIdentityScope(s))
  for (const scope of wanted) {
    if (!allowed.has(scope)) throw new OAuthError('invalid_scope', `scope '${scope}' is not allowed for client '${client.client_id}'`)
    if (!options.userPresent && isIdentityScope(scope)) {
      throw new OAuthError('invalid_scope', `scope '${scope}' needs a logged-in user; client_credentials can ask for API scopes only`)
    }
  }
  let apiScopes = wanted.filter((s) => !isIdentityScope(s))
  const resources = options.resources ?? []
  if (resources.length > 0) {
    const known = new Set([...allowed].filter((s) => !isIdentityScope(s)).map(audienceOfScope))
    for (const resource of resources) {
      if (!known.has(resource)) throw new OAuthError('invalid_target', `resource '${resource}' is not an API this client may call`)
    }
    apiScopes = apiScopes.filter((s) => resources.includes(audienceOfScope(s)))
  }
  if (!options.userPresent && apiScopes.length === 0) {
    throw new OAuthError('invalid_scope', 'no API scope requested (e.g. nhn:kjernejournal/api)')
  }
  const identity = wanted.filter(isIdentityScope)
  return { scopes: [...identity, ...apiScopes], audiences: [...new Set(apiScopes.map(audienceOfScope))] }
}
