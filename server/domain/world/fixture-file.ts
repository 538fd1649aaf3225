/**
 * Reads one JSON fixture file and validates it with its zod schema. A broken file fails with one
 * message naming the file and the field, e.g. `fixtures/users.json: [2].pid: expected 11 digits`.
 */
import { readFile } from 'node:fs/promises'
import type { z } from 'zod'

export class FixtureError extends Error {
  override name = 'FixtureError'
}

export function describeIssuePath (path: readonly PropertyKey[]): string {
  return path.map((p) => typeof p === 'number' ? `[${p}]` : `.${String(p)}`).join('').replace(/^\./, '') || '(root)'
}

export function parseFixture<S extends z.ZodType> (file: string, text: string, schema: S): z.output<S> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new FixtureError(`${file}: not valid JSON (${(err as Error).message})`)
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new FixtureError(`${file}: ${describeIssuePath(issue.path)}: ${issue.message}`)
  }
  return result.data
}

/** Reads and validates; a missing file yields `fallback` when one is given. */
export async function readFixture<S extends z.ZodType> (file: string, schema: S, fallback?: z.output<S>): Promise<z.output<S>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && fallback !== undefined) return fallback
    throw new FixtureError(`${file}: cannot be read (${(err as Error).message})`)
  }
  return parseFixture(file, text, schema)
}
