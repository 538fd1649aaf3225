/**
 * The FHIR interactions as the OpenAPI document describes them, for either FHIR face: the face
 * brings its request headers (its access chain's), the interactions are the same. Resources are
 * described by reference to the R4 JSON schema (server/openapi/components.ts).
 */
import { CRITICAL_INFO_TYPES, KJ_RESOURCE_TYPES } from '../../domain/critical-info/types.js'
import { fhirResource, ref, type JsonSchema } from '../../openapi/components.js'
import { describe, type Answer, type RouteDoc } from '../../openapi/describe.js'

export type HeadersDoc = NonNullable<RouteDoc['headers']>

const FHIR = 'application/fhir+json'
const TYPE = { enum: [...KJ_RESOURCE_TYPES, 'Conditions'], description: 'A critical-information resource type (Conditions is an alias of Condition)' }
const ID = { type: 'string', description: 'The logical id' }
const VID = { type: 'string', description: 'The version id' }
const VERSION_HEADERS = { ETag: { type: 'string', examples: ['W/"2"'] }, 'Last-Modified': { type: 'string' } }

const resource = (description: string, extra: Record<string, JsonSchema> = {}): Answer =>
  ({ description, media: FHIR, schema: ref('CriticalInfoResource'), headers: { ...VERSION_HEADERS, ...extra } })
const bundle = (description: string): Answer => ({ description, media: FHIR, schema: ref('Bundle') })
const body = { media: FHIR, schema: ref('CriticalInfoResource'), required: true }

function withIfMatch (headers: HeadersDoc): HeadersDoc {
  return { ...headers, properties: { ...headers.properties, 'If-Match': { type: 'string', description: 'W/"<versionId>": update only that version', examples: ['W/"1"'] } } }
}

/** One schema per interaction, in the order resource-routes.ts registers them. */
export function resourceDocs (headers: HeadersDoc) {
  return {
    search: describe({
      summary: 'Search the patient\'s critical information of a type',
      params: { type: TYPE },
      query: { criticalInfoType: { enum: [...CRITICAL_INFO_TYPES] } },
      headers,
      responses: { 200: bundle('A searchset Bundle') }
    }),
    create: describe({ summary: 'Register critical information', params: { type: TYPE }, headers, body, responses: { 201: resource('The stored resource', { Location: { type: 'string' } }) } }),
    validate: describe({
      summary: 'Check a resource against the Kj profile rules without storing it ($validate)',
      description: 'Authorised as create. 200 with an OperationOutcome either way: one information issue when valid, one error issue per profile rule broken (the code a create would answer with). The body may be the resource or a Parameters resource with a `resource` parameter.',
      params: { type: TYPE },
      headers,
      body: { media: FHIR, schema: { oneOf: [ref('CriticalInfoResource'), fhirResource('Parameters')] }, required: true },
      responses: { 200: { description: 'The validation result', media: FHIR, schema: ref('OperationOutcome') } }
    }),
    read: describe({ summary: 'Read a resource (410 with its body once deleted)', params: { type: TYPE, id: ID }, headers, responses: { 200: resource('The latest version'), 410: resource('Deleted: the last version') } }),
    update: describe({ summary: 'Update a resource (a new version)', params: { type: TYPE, id: ID }, headers: withIfMatch(headers), body, responses: { 200: resource('The stored version', { Location: { type: 'string' } }) } }),
    delete: describe({ summary: 'Delete a resource', params: { type: TYPE, id: ID }, headers, responses: { 204: { description: 'Deleted', headers: { ETag: { type: 'string' } } } } }),
    deleteVersion: describe({ summary: 'Delete a resource, naming the version it deletes', params: { type: TYPE, id: ID, vid: VID }, headers, responses: { 204: { description: 'Deleted', headers: { ETag: { type: 'string' } } } } }),
    history: describe({ summary: 'Every version of a resource', params: { type: TYPE, id: ID }, headers, responses: { 200: bundle('A history Bundle') } }),
    vread: describe({ summary: 'One version of a resource', params: { type: TYPE, id: ID, vid: VID }, headers, responses: { 200: resource('That version'), 410: resource('That version is a deletion') } })
  }
}

export const METADATA_DOC = describe({
  summary: 'The CapabilityStatement (no token needed)',
  responses: { 200: { description: 'What this face serves', media: FHIR, schema: fhirResource('CapabilityStatement') } }
})
