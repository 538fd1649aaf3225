/**
 * The HelseID stand-in's routes as the OpenAPI document describes them: form bodies as HelseID
 * takes them, token answers, and the OAuth error shape (the face's, added by the document's
 * transform). The test-token service answers in a shape of its own, errors included.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/endepunkt/token-endepunktet_enmd
 */
import { ref, type JsonSchema } from '../../openapi/components.js'
import { describe } from '../../openapi/describe.js'

const FORM = 'application/x-www-form-urlencoded'
const str = (description: string, examples?: readonly string[]): JsonSchema => ({ type: 'string', description, ...(examples !== undefined && { examples: [...examples] }) })
const DPOP_HEADER = { properties: { DPoP: str('A DPoP proof JWT (RFC 9449): the token is then bound to its key') } }
const NO_STORE = { 'Cache-Control': { type: 'string', examples: ['no-store'] } }

const CLIENT_AUTH = {
  client_id: str('The client id; optional with a client assertion'),
  client_assertion_type: { const: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' },
  client_assertion: str('private_key_jwt: a JWT signed with the client\'s key, aud the issuer, exp at most 60 s ahead'),
  client_secret: str('Only for clients registered with a secret (the sandbox\'s leniency; HelseID wants private_key_jwt)')
}

const TOKEN_ANSWER = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in'],
  properties: {
    access_token: { type: 'string' },
    token_type: { enum: ['Bearer', 'DPoP'] },
    expires_in: { type: 'integer' },
    scope: { type: 'string' },
    id_token: { type: 'string' },
    refresh_token: { type: 'string' }
  },
  examples: [{ access_token: 'eyJhbGciOiJSUzI1NiIs...', token_type: 'Bearer', expires_in: 600, scope: 'nhn:kjernejournal/api' }]
}

export const TOKEN_DOC = describe({
  summary: 'Get a token: client_credentials, authorization_code (PKCE) or refresh_token, with private_key_jwt',
  headers: DPOP_HEADER,
  body: {
    media: FORM,
    required: true,
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { enum: ['client_credentials', 'authorization_code', 'refresh_token'] },
        scope: str('Space-separated scopes', ['nhn:kjernejournal/api']),
        resource: str('The API the token is for (RFC 8707), e.g. nhn:critical-information'),
        code: str('authorization_code: the code from the redirect'),
        redirect_uri: str('authorization_code: as sent to /connect/authorize'),
        code_verifier: str('authorization_code: the PKCE verifier'),
        refresh_token: str('refresh_token: the refresh token'),
        ...CLIENT_AUTH
      }
    }
  },
  responses: { 200: { description: 'The tokens', media: 'application/json', schema: TOKEN_ANSWER, headers: NO_STORE } }
})

export const DISCOVERY_DOC = describe({
  summary: 'OpenID Connect discovery: the issuer and its endpoints',
  responses: { 200: { description: 'The discovery document', media: 'application/json', schema: { type: 'object', required: ['issuer', 'jwks_uri', 'token_endpoint'], properties: { issuer: { type: 'string' }, jwks_uri: { type: 'string' }, token_endpoint: { type: 'string' } } } } }
})

export const JWKS_DOC = describe({
  summary: 'The public keys tokens are signed with',
  responses: { 200: { description: 'A JWK set', media: 'application/json', schema: { type: 'object', required: ['keys'], properties: { keys: { type: 'array', items: { type: 'object' } } } } } }
})

const AUTHORIZE_FIELDS = {
  type: 'object',
  properties: {
    client_id: str('The client id'),
    response_type: { const: 'code' },
    redirect_uri: str('A redirect URI registered for the client'),
    scope: str('openid profile helseid://scopes/identity/pid ...'),
    state: str('Echoed in the redirect'),
    nonce: str('Echoed in the id_token'),
    code_challenge: str('PKCE S256 challenge'),
    code_challenge_method: { const: 'S256' },
    request_uri: str('From PAR (POST /connect/par)')
  }
}

const REDIRECT = { description: 'A redirect: to the login page, or back with code (or error) and state', headers: { Location: { type: 'string' } } }
const LOGIN_PAGE = { description: 'The login page', media: 'text/html', schema: { type: 'string' } }

export const AUTHORIZE_GET_DOC = describe({
  summary: 'Start a login (authorization code with PKCE)',
  query: AUTHORIZE_FIELDS.properties,
  responses: { 200: LOGIN_PAGE, 302: REDIRECT }
})

export const AUTHORIZE_POST_DOC = describe({
  summary: 'Start a login, the parameters as a form',
  body: { media: FORM, schema: AUTHORIZE_FIELDS },
  responses: { 200: LOGIN_PAGE, 302: REDIRECT }
})

export const LOGIN_DOC = describe({
  summary: 'The login page\'s form: pick a test user',
  body: { media: FORM, schema: { type: 'object', properties: { pid: str('The test user\'s pid'), interaction: str('The pending login (from the page)'), security_level: { enum: ['3', '4'] } } } },
  responses: { 302: REDIRECT, 200: LOGIN_PAGE }
})

export const PAR_DOC = describe({
  summary: 'Pushed authorization request (RFC 9126)',
  headers: DPOP_HEADER,
  body: { media: FORM, required: true, schema: { ...AUTHORIZE_FIELDS, properties: { ...AUTHORIZE_FIELDS.properties, ...CLIENT_AUTH } } },
  responses: { 201: { description: 'The request_uri for /connect/authorize', media: 'application/json', schema: { type: 'object', required: ['request_uri', 'expires_in'], properties: { request_uri: { type: 'string' }, expires_in: { type: 'integer' } } } } }
})

const END_SESSION_FIELDS = { id_token_hint: str('The id_token of the session'), post_logout_redirect_uri: str('A registered post-logout URI'), state: str('Echoed in the redirect') }

export const END_SESSION_GET_DOC = describe({
  summary: 'Log out',
  query: END_SESSION_FIELDS,
  responses: { 302: REDIRECT, 200: { description: 'A logged-out page', media: 'text/html', schema: { type: 'string' } } }
})

export const END_SESSION_POST_DOC = describe({
  summary: 'Log out, the parameters as a form',
  body: { media: FORM, schema: { type: 'object', properties: END_SESSION_FIELDS } },
  responses: { 302: REDIRECT, 200: { description: 'A logged-out page', media: 'text/html', schema: { type: 'string' } } }
})

export const USERINFO_DOC = describe({
  summary: 'The logged-in user\'s claims (a user token with openid)',
  headers: DPOP_HEADER,
  responses: { 200: { description: 'The claims', media: 'application/json', schema: { type: 'object', required: ['sub'], properties: { sub: { type: 'string' } } } } }
})

export const REVOCATION_DOC = describe({
  summary: 'Revoke a refresh token (RFC 7009)',
  body: { media: FORM, required: true, schema: { type: 'object', required: ['token'], properties: { token: str('The token'), token_type_hint: str('refresh_token or access_token'), ...CLIENT_AUTH } } },
  responses: { 200: { description: 'Revoked (or unknown: RFC 7009 answers 200 either way)' } }
})

const TTT_FAILED = { description: 'The request could not be served: errorResponse says why', media: 'application/json', schema: ref('TestTokenResponse') }

export const TEST_TOKEN_DOC = describe({
  summary: 'HelseID\'s test-token service: any token you need, signed by the sandbox\'s HelseID key',
  description: 'The real service wants an X-Auth-Key; the sandbox ignores it. Fields as in HelseID\'s TestTokenRequest.',
  headers: { properties: { 'X-Auth-Key': str('Ignored by the sandbox') } },
  body: {
    media: 'application/json',
    schema: {
      type: 'object',
      properties: {
        audience: str('The API', ['nhn:kjernejournal']),
        withoutDefaultClientClaims: { type: 'boolean' },
        createDPoPTokenWithDPoPProof: { type: 'boolean' },
        clientClaimsParameters: { type: 'object', additionalProperties: true },
        userClaimsParameters: { type: 'object', additionalProperties: true },
        expirationParameters: { type: 'object', additionalProperties: true },
        getPersonFromPersontjenesten: { type: 'boolean' },
        onlySetPidInClaims: { type: 'boolean' }
      },
      examples: [{ audience: 'nhn:kjernejournal', clientClaimsParameters: { scope: ['nhn:kjernejournal/api'] } }]
    }
  },
  responses: { 200: { description: 'The token (and a DPoP proof when asked for)', media: 'application/json', schema: ref('TestTokenResponse') }, '4xx': TTT_FAILED, '5xx': TTT_FAILED }
})
