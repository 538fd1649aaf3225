/**
 * "All API responses from kjernejournal may have an arbitrary gibberish extra field. This is to
 * ensure that consumers can handle new fields in the response." (seed 002). The sandbox adds
 * one to every JSON answer of the REST face: random name and value, repeatable with SEED.
 *
 * The field is added to the JSON text, not to an object: an object with a new property name on
 * every answer makes V8 build a new hidden class per answer and serialise it through its slow
 * path, which cost ping about a tenth of its time (bench/analysis.md).
 */
import type { Random } from '../random.js'

/**
 * The body as JSON text, with the extra field last. The body is left unchanged if its JSON already
 * has a key of that name, at any depth: the names are lower-case letters only, so `"name":` in the
 * text can only be a key.
 */
export function jsonWithExtraField (body: object, random: Random): string {
  const name = `${random.letters(3)}${random.letters(3 + random.int(6))}`
  const json = JSON.stringify(body)
  if (Array.isArray(body) || json.includes(`"${name}":`)) return json
  const value = random.int(2) === 0 ? random.letters(4 + random.int(12)) : random.int(1_000_000)
  const field = `"${name}":${typeof value === 'string' ? `"${value}"` : String(value)}`
  return json === '{}' ? `{${field}}` : `${json.slice(0, -1)},${field}}`
}
