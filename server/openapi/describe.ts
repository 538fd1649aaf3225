/**
 * The one way a route says what it is in the OpenAPI document: a Fastify route `schema` that only
 * describes. Bodies, parameters and answers are JSON Schema; Fastify's own validator and
 * serializer are switched off (server/plugins/openapi.ts), so the faces keep the real services'
 * order of checks and their own error codes.
 */
import type { FastifySchema } from 'fastify'
import type { JsonSchema } from './components.js'

export interface Answer {
  readonly description: string
  /** The media type of the body; none for an answer without body. */
  readonly media?: string
  readonly schema?: JsonSchema
  readonly headers?: Readonly<Record<string, JsonSchema>>
  /** One example body; the document shows it beside the schema. */
  readonly example?: unknown
  /** The same answer in other media types (e.g. `?format=junit`): media type -> schema. */
  readonly alsoAs?: Readonly<Record<string, JsonSchema>>
}

export interface RouteDoc {
  readonly summary: string
  readonly description?: string
  readonly tags?: readonly string[]
  /** The route's own security; by default the face's (faces.ts). */
  readonly security?: ReadonlyArray<Record<string, readonly string[]>>
  /** Path parameters: name -> schema (all required). */
  readonly params?: Readonly<Record<string, JsonSchema>>
  readonly query?: Readonly<Record<string, JsonSchema>>
  /** Request headers; `required` lists the names the route cannot do without. */
  readonly headers?: { readonly properties: Readonly<Record<string, JsonSchema>>, readonly required?: readonly string[] }
  readonly body?: { readonly media: string, readonly schema: JsonSchema, readonly required?: boolean, readonly example?: unknown }
  /** The answers by status ('200', '201', '4XX', ...); the face adds its error answers. */
  readonly responses: Readonly<Record<string, Answer>>
}

function objectOf (properties: Readonly<Record<string, JsonSchema>>, required: readonly string[]): JsonSchema {
  return { type: 'object', properties, ...(required.length > 0 && { required: [...required] }) }
}

/** A fresh schema object per route (the document generator edits what it is given), with the example. */
function withExample (schema: JsonSchema, example: unknown): JsonSchema {
  return example === undefined ? { ...schema } : { ...schema, examples: [example] }
}

function responseOf (answer: Answer): JsonSchema {
  return {
    // @fastify/swagger's way of saying "no body"; without it, it invents a JSON one.
    ...(answer.schema === undefined && { type: 'null' }),
    description: answer.description,
    // @fastify/swagger wraps each header's schema itself.
    ...(answer.headers !== undefined && { headers: { ...answer.headers } }),
    ...(answer.schema !== undefined && {
      content: {
        [answer.media ?? 'application/json']: { schema: withExample(answer.schema, answer.example) },
        ...Object.fromEntries(Object.entries(answer.alsoAs ?? {}).map(([media, schema]) => [media, { schema: { ...schema } }]))
      }
    })
  }
}

export function describe (doc: RouteDoc): FastifySchema {
  return {
    summary: doc.summary,
    ...(doc.description !== undefined && { description: doc.description }),
    ...(doc.tags !== undefined && { tags: [...doc.tags] }),
    ...(doc.security !== undefined && { security: doc.security.map((s) => ({ ...s })) }),
    ...(doc.params !== undefined && { params: objectOf(doc.params, Object.keys(doc.params)) }),
    ...(doc.query !== undefined && { querystring: objectOf(doc.query, []) }),
    ...(doc.headers !== undefined && { headers: objectOf(doc.headers.properties, doc.headers.required ?? []) }),
    ...(doc.body !== undefined && { body: { content: { [doc.body.media]: { schema: withExample(doc.body.schema, doc.body.example) } } } }),
    response: Object.fromEntries(Object.entries(doc.responses).map(([status, answer]) => [status, responseOf(answer)]))
  }
}
