/**
 * JSON Schema from the zod schema a route parses with, so a body's shape is decided in one
 * place. `input` is what a caller may send (defaults optional), `output` what the sandbox keeps
 * and answers (defaults filled in). Called from lazy route docs only (lazy.ts): not at start-up.
 */
import { z } from 'zod'
import type { JsonSchema } from './components.js'

export function jsonSchemaOf (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  // `$schema` belongs at a document's root, not inside an OpenAPI operation.
  const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema
  return $defs === undefined ? rest : inlined(rest, $defs as Record<string, JsonSchema>) as JsonSchema
}

/**
 * `#/$defs/<id>` (zod's named schemas, e.g. ErrorCode) points at the root of the document once
 * the schema sits inside one, so each is put in place; zod names no recursive schema here.
 */
function inlined (value: unknown, defs: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => inlined(item, defs))
  if (typeof value !== 'object' || value === null) return value
  const { $ref, ...rest } = value as JsonSchema
  const target = typeof $ref === 'string' && $ref.startsWith('#/$defs/') ? defs[$ref.slice('#/$defs/'.length)] : undefined
  const own = Object.fromEntries(Object.entries(rest).map(([key, item]) => [key, inlined(item, defs)]))
  if (target === undefined) return $ref === undefined ? own : { $ref, ...own }
  return { ...(inlined(target, defs) as JsonSchema), ...own }
}

/** The query parameters of a zod object schema: name -> schema, as `RouteDoc.query` takes them. */
export function queryParamsOf (schema: z.ZodType): Record<string, JsonSchema> {
  return (jsonSchemaOf(schema).properties ?? {}) as Record<string, JsonSchema>
}
