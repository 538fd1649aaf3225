/**
 * The OpenID Provider metadata HelseID publishes, with this sandbox's URLs. Clients discover
 * everything from here, so pointing an EHR at the sandbox is a base-URL change.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 * @see https://helseid-sts.test.nhn.no/.well-known/openid-configuration
 */
import { ASYMMETRIC_ALGS, CLAIM, IDENTITY_SCOPES, KNOWN_API_SCOPES } from './claims.js'
import { TOKEN_EXCHANGE_GRANT } from './grants/token-exchange.js'

export const ENDPOINT_PATHS = {
  jwks: '/.well-known/openid-configuration/jwks',
  authorize: '/connect/authorize',
  token: '/connect/token',
  userinfo: '/connect/userinfo',
  endSession: '/connect/endsession',
  par: '/connect/par',
  revocation: '/connect/revocation',
  testToken: '/v2/create-test-token-with-key'
} as const

export function endpointUrl (issuer: string, name: keyof typeof ENDPOINT_PATHS): string {
  return `${issuer}${ENDPOINT_PATHS[name]}`
}

export function discoveryDocument (issuer: string, options: { requireDpop: boolean, extraScopes?: readonly string[] }): Record<string, unknown> {
  const scopes = [...new Set([...IDENTITY_SCOPES, ...KNOWN_API_SCOPES, ...(options.extraScopes ?? [])])]
  return {
    issuer,
    jwks_uri: endpointUrl(issuer, 'jwks'),
    authorization_endpoint: endpointUrl(issuer, 'authorize'),
    token_endpoint: endpointUrl(issuer, 'token'),
    userinfo_endpoint: endpointUrl(issuer, 'userinfo'),
    end_session_endpoint: endpointUrl(issuer, 'endSession'),
    revocation_endpoint: endpointUrl(issuer, 'revocation'),
    pushed_authorization_request_endpoint: endpointUrl(issuer, 'par'),
    require_pushed_authorization_requests: false,
    frontchannel_logout_supported: false,
    backchannel_logout_supported: false,
    scopes_supported: scopes,
    // HelseID TEST's list, in its order: the claims a client may ask for, not every claim issued.
    claims_supported: [
      'name', 'family_name', 'given_name', 'middle_name',
      CLAIM.assuranceLevel, CLAIM.pid, CLAIM.pidPseudonym, CLAIM.securityLevel, CLAIM.network, CLAIM.hprNumber,
      CLAIM.clientName, CLAIM.clientTenancy, CLAIM.orgnrParent, CLAIM.orgnrChild, CLAIM.orgnrSupplier, CLAIM.clientAmr
    ],
    // HelseID TEST also lists implicit, device_code and ciba; the sandbox offers what EHRs of Kjernejournal use.
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token', TOKEN_EXCHANGE_GRANT],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_post', 'client_secret_basic'],
    token_endpoint_auth_signing_alg_values_supported: [...ASYMMETRIC_ALGS],
    revocation_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_post', 'client_secret_basic'],
    dpop_signing_alg_values_supported: [...ASYMMETRIC_ALGS],
    authorization_response_iss_parameter_supported: true,
    request_parameter_supported: true,
    request_object_signing_alg_values_supported: [...ASYMMETRIC_ALGS],
    request_uri_parameter_supported: true,
    dpop_bound_access_tokens_required: options.requireDpop
  }
}
