/**
 * Fastify's validator and serializer for the whole app. Route schemas only describe (the OpenAPI
 * document, server/openapi/): the faces check requests in the real services' order and answer
 * with their own codes, which a generic validator answering first would change. Answers are
 * JSON.stringify, with stored records sent as their kept bytes (domain/fhir/sealed-json.ts).
 *
 * Given to Fastify as its compilers' factory, not set after construction: without a factory,
 * Fastify's constructor loads ajv and fast-json-stringify, about 11 ms of a cold start that
 * nothing uses (issue 17, docs/performance.md).
 */
import type { FastifyServerOptions } from 'fastify'
import { jsonBody } from './domain/fhir/sealed-json.js'

const acceptAll = (): boolean => true
// Fastify sends a Buffer from a serializer as it is (reply.js, onSendEnd); its type says string.
const serialize = jsonBody as (data: unknown) => string

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>
type Factories = NonNullable<SchemaController['compilersFactory']>

export const DESCRIBE_ONLY: SchemaController = {
  compilersFactory: {
    // Typed after ajv's compiled functions; Fastify only calls the validator and reads `errors` when it returns false.
    buildValidator: (() => () => acceptAll) as unknown as Factories['buildValidator'],
    buildSerializer: () => () => serialize
  }
}
