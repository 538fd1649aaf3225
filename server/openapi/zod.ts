/**
 * JSON Schema from the zod schema a route parses with, so a body's shape is decided in one
 * place. `input` is what a caller may send (defaults optional), `output` what the sandbox keeps
 * and answers (defaults filled in). Called from lazy route docs only (lazy.ts): not at start-up.
 */
import { z } from 'zod'
import type { JsonSchema } from './components.js'

export function jsonSchemaOf (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  // `$schema` belongs at a document's root, not inside an OpenAPI operation.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema
  return rest
}

/** The query parameters of a zod object schema: name -> schema, as `RouteDoc.query` takes them. */
export function queryParamsOf (schema: z.ZodType): Record<string, JsonSchema> {
  return (jsonSchemaOf(schema).properties ?? {}) as Record<string, JsonSchema>
}
