/**
 * A test token's client claims: the TTT's defaults (the sandbox's demo EHR, as if it had logged
 * in with private_key_jwt) and/or the claims named by `clientClaimsParameters`.
 */
import type { JWTPayload } from 'jose'
import { CLAIM, KNOWN_API_SCOPES } from '../claims.js'
import type { Client } from '../clients.js'
import { audienceOfScope } from '../scopes.js'
import { clientClaims } from '../token-minter.js'
import { nonEmpty, type ClaimSources } from './generation.js'
import type { ClientClaimsParameters } from './request.js'
import { TestTokenError } from './response.js'

/** The demo client of fixtures/helseid/clients.json. */
export const DEFAULT_TEST_CLIENT: Client = {
  client_id: 'sandbox-demo-ehr',
  client_name: 'Sandbox demo EHR',
  orgnr_parent: '310001147',
  orgnr_child: '310001295',
  authMethod: 'private_key_jwt'
}

/** The known scopes of the audience's API (all of Kjernejournal's), else `<audience>/api`. */
export function defaultScopes (audience: string): string[] {
  const known = KNOWN_API_SCOPES.filter((scope) => audienceOfScope(scope) === audience)
  return known.length > 0 ? [...known] : [`${audience}/api`]
}

function publicKeyJwk (text: string): Record<string, unknown> {
  try {
    const jwk: unknown = JSON.parse(text)
    if (jwk !== null && typeof jwk === 'object' && !Array.isArray(jwk)) return jwk as Record<string, unknown>
  } catch {}
  throw new TestTokenError('clientClaimsParameters.cnfPublicKey must be a public key as a JWK in JSON')
}

function fromParameters (p: ClientClaimsParameters): JWTPayload {
  const claims: JWTPayload = {}
  const set = (claim: string, value: string | string[] | undefined): void => {
    if (nonEmpty(value)) claims[claim] = value
  }
  set('scope', p.scope)
  set('client_id', p.clientId)
  set(CLAIM.journalId, p.sfmJournalId)
  set(CLAIM.orgnrParent, p.orgnrParent)
  set(CLAIM.orgnrChild, p.orgnrChild)
  set(CLAIM.orgnrSupplier, p.orgnrSupplier)
  // A C# bool is never "empty"; only true says something the defaults do not.
  if (p.clientTenancy === true) claims[CLAIM.clientTenancy] = 'multi-tenant'
  set('amr', p.authenticationMethodsReferences)
  set(CLAIM.clientAmrHelseId, p.clientAuthenticationMethodsReferences)
  set(CLAIM.clientName, p.clientName)
  set('jti', p.jti)
  const cnf = {
    ...(nonEmpty(p.cnfJkt) && { jkt: p.cnfJkt }),
    ...(nonEmpty(p.cnfPublicKey) && { jwk: publicKeyJwk(p.cnfPublicKey) })
  }
  if (Object.keys(cnf).length > 0) claims.cnf = cnf
  return claims
}

export function testClientClaims (audience: string, sources: ClaimSources, parameters: ClientClaimsParameters | undefined): JWTPayload {
  return {
    ...(sources.defaults && { ...clientClaims(DEFAULT_TEST_CLIENT, { parent: DEFAULT_TEST_CLIENT.orgnr_parent, ...(DEFAULT_TEST_CLIENT.orgnr_child !== undefined && { child: DEFAULT_TEST_CLIENT.orgnr_child }) }), scope: defaultScopes(audience) }),
    ...(sources.parameters && parameters !== undefined && fromParameters(parameters))
  }
}
