/**
 * The shared parts of the OpenAPI document: one schema per wire shape (each face's error body,
 * FHIR resources by reference to the R4 JSON schema) and the security schemes. Route schemas
 * point at these by `$id` (`{ $ref: 'RestError#' }`); @fastify/swagger turns each into
 * `#/components/schemas/<id>`. Describing only: the handlers validate (server/plugins/openapi.ts).
 */

/** A JSON Schema object as Fastify route schemas and the document carry it. */
export type JsonSchema = Record<string, unknown>

const R4_SCHEMA = 'https://hl7.org/fhir/R4/fhir.schema.json'

/** `{ $ref: 'Id#' }`: a reference to a shared schema, as Fastify and @fastify/swagger want it. */
export function ref (id: SharedSchemaId): JsonSchema {
  return { $ref: `${id}#` }
}

/** A FHIR resource of `type`, by reference to the official R4 JSON schema rather than inline. */
export function fhirResource (type: string): JsonSchema {
  return {
    type: 'object',
    description: `A FHIR R4 ${type}; the full schema is ${R4_SCHEMA}#/definitions/${type}.`,
    externalDocs: { url: `https://hl7.org/fhir/R4/${type.toLowerCase()}.html` },
    required: ['resourceType'],
    properties: { resourceType: { const: type } }
  }
}

const restError = {
  $id: 'RestError',
  type: 'object',
  description: "Kjernejournal's error body (REST face and portal API); the code is also in the nhn-error-code and X-KJ-Feilkode headers.",
  required: ['status', 'feilkode', 'utviklermelding', 'brukermelding'],
  properties: {
    status: { type: 'integer' },
    feilkode: { type: 'string', pattern: '^KJ[FS]-\\d{6}$' },
    utviklermelding: { type: 'string' },
    brukermelding: { type: 'string' }
  },
  examples: [{
    status: 403,
    feilkode: 'KJF-000226',
    utviklermelding: 'The organization is unknown to kjernejournal',
    brukermelding: 'Kjernejournal kunne ikke åpnes. Oppgi feilkode KJF-000226 til brukerstøtte.'
  }]
}

const coding = { type: 'object', required: ['system', 'code'], properties: { system: { type: 'string' }, code: { type: 'string' }, display: { type: 'string' } } }

const operationOutcome = {
  $id: 'OperationOutcome',
  type: 'object',
  description: `A FHIR R4 OperationOutcome (${R4_SCHEMA}#/definitions/OperationOutcome): the FHIR faces' error body, with the codes in details.coding, and $validate's answer.`,
  externalDocs: { url: 'https://hl7.org/fhir/R4/operationoutcome.html' },
  required: ['resourceType', 'issue'],
  properties: {
    resourceType: { const: 'OperationOutcome' },
    id: { type: 'string' },
    issue: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['severity', 'code'],
        properties: {
          severity: { enum: ['fatal', 'error', 'warning', 'information'] },
          code: { type: 'string' },
          diagnostics: { type: 'string' },
          location: { type: 'array', items: { type: 'string' } },
          expression: { type: 'array', items: { type: 'string' } },
          details: { type: 'object', properties: { coding: { type: 'array', items: coding }, text: { type: 'string' } } }
        }
      }
    }
  },
  examples: [{
    resourceType: 'OperationOutcome',
    id: '0b6f5a1e-3f5e-4c4e-9d43-2b7c1f8f4a10',
    issue: [{
      severity: 'fatal',
      code: 'invariant',
      diagnostics: 'AllergyIntolerance.code is required',
      location: ['AllergyIntolerance.code'],
      details: { coding: [{ system: 'http://nhn.no/hit/fhir/error/CodeSystem/ErrorCode', code: 'KI-0014' }] }
    }]
  }]
}

const oauthError = {
  $id: 'OAuthError',
  type: 'object',
  description: 'An OAuth 2.0 error (RFC 6749 section 5.2, RFC 9449 for DPoP) as HelseID answers it.',
  externalDocs: { url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2' },
  required: ['error'],
  properties: {
    error: { type: 'string', examples: ['invalid_client', 'invalid_grant', 'use_dpop_nonce'] },
    error_description: { type: 'string' }
  },
  examples: [{ error: 'invalid_client', error_description: 'client assertion is valid for too long: exp may be at most 60 seconds ahead' }]
}

const adminError = {
  $id: 'AdminError',
  type: 'object',
  description: "The sandbox's own API's error body (/__admin and paths no face owns).",
  required: ['error', 'message'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    details: {}
  },
  examples: [{ error: 'not_found', message: 'no session qa-1' }]
}

const testTokenResponse = {
  $id: 'TestTokenResponse',
  type: 'object',
  description: "The test-token service's answer, errors included: exactly one of successResponse and errorResponse is set.",
  required: ['isError', 'successResponse', 'errorResponse'],
  properties: {
    isError: { type: 'boolean' },
    successResponse: {
      oneOf: [
        { type: 'null' },
        { type: 'object', required: ['accessTokenJwt', 'dPoPProof'], properties: { accessTokenJwt: { type: 'string' }, dPoPProof: { type: ['string', 'null'] } } }
      ]
    },
    errorResponse: {
      oneOf: [{ type: 'null' }, { type: 'object', required: ['errorMessage'], properties: { errorMessage: { type: 'string' } } }]
    }
  },
  examples: [{ isError: false, successResponse: { accessTokenJwt: 'eyJhbGciOiJSUzI1NiIs...', dPoPProof: null }, errorResponse: null }]
}

const bundle = {
  $id: 'Bundle',
  type: 'object',
  description: `A FHIR R4 Bundle (searchset or history): ${R4_SCHEMA}#/definitions/Bundle.`,
  externalDocs: { url: 'https://hl7.org/fhir/R4/bundle.html' },
  required: ['resourceType', 'type'],
  properties: {
    resourceType: { const: 'Bundle' },
    type: { type: 'string' },
    total: { type: 'integer' },
    entry: { type: 'array', items: { type: 'object', properties: { fullUrl: { type: 'string' }, resource: { type: 'object' } } } }
  }
}

const criticalInfoResource = {
  $id: 'CriticalInfoResource',
  description: `A critical-information resource of a Kj profile: AllergyIntolerance, Condition, Procedure, DeviceUseStatement or Flag (${R4_SCHEMA}). The profiles are those the CapabilityStatement names; POST <type>/$validate checks one.`,
  type: 'object',
  required: ['resourceType'],
  properties: {
    resourceType: { enum: ['AllergyIntolerance', 'Condition', 'Procedure', 'DeviceUseStatement', 'Flag'] },
    id: { type: 'string' },
    meta: { type: 'object' }
  },
  examples: [{
    resourceType: 'AllergyIntolerance',
    meta: { profile: ['http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntolerance'] },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    code: { text: 'Penicillin' }
  }]
}

/** Every shared schema, registered once with `app.addSchema` by the OpenAPI plugin. */
export const SHARED_SCHEMAS = [restError, operationOutcome, oauthError, adminError, testTokenResponse, bundle, criticalInfoResource] as const

export type SharedSchemaId = (typeof SHARED_SCHEMAS)[number]['$id']

/**
 * Bearer for system and user tokens; DPoP as RFC 9449 sends it: `Authorization: DPoP <token>`
 * plus a `DPoP` proof header. OpenAPI has no DPoP scheme and Swagger UI's Authorize knows only
 * `basic`/`bearer` for `http`, so DPoP is two API keys that Authorize can fill.
 */
export const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A HelseID access token (from POST /connect/token or the test-token service): Authorization: Bearer <token>.' },
  dpopToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'A DPoP-bound access token, sent as "DPoP <token>" (RFC 9449). Pair with dpopProof.' },
  dpopProof: { type: 'apiKey', in: 'header', name: 'DPoP', description: "A DPoP proof JWT for this request's method and URL, with ath (RFC 9449 section 4)." },
  adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, when the sandbox is started with one: Authorization: Bearer <ADMIN_TOKEN>.' }
} as const

/** Either a bearer token, or a DPoP token and its proof. */
export const TOKEN_SECURITY: ReadonlyArray<Record<string, readonly string[]>> = [{ bearer: [] }, { dpopToken: [], dpopProof: [] }]
