/**
 * The admin API's field-naming validation: a bad query or body is a 400 that says which field is
 * wrong and why, so a QA engineer fixes the call without reading the schema.
 */
import type { z } from 'zod'
import { AdminError } from '../../domain/admin-error.js'

function describeIssues (issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message).join('; ')
}

/** Parses with the schema; bad input is a 400 naming the offending fields. */
export function parse<T extends z.ZodType> (schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input ?? {})
  if (!result.success) throw new AdminError(400, 'invalid_request', `${what}: ${describeIssues(result.error.issues)}`, result.error.issues)
  return result.data
}
