/**
 * "All API responses from kjernejournal may have an arbitrary gibberish extra field. This is to
 * ensure that consumers can handle new fields in the response." (seed 002). The sandbox adds
 * one to every JSON answer of the REST face: random name and value, repeatable with SEED.
 */
import type { Random } from '../random.js'

export function withExtraField<T extends object> (body: T, random: Random): T & Record<string, string | number> {
  const name = `${random.letters(3)}${random.letters(3 + random.int(6))}`
  if (name in body) return body as T & Record<string, string>
  const value = random.int(2) === 0 ? random.letters(4 + random.int(12)) : random.int(1_000_000)
  return { ...body, [name]: value }
}
