/**
 * Version ids on the wire. The critical-information API documents optimistic locking through the
 * body's `meta.versionId` only; the sandbox also speaks HTTP's weak ETags (`W/"3"`) and If-Match,
 * as FHIR servers do, so a client written either way works.
 * @see https://hl7.org/fhir/R4/http.html#versioning
 */
import { KjError } from '../kj-error.js'

export function etagOf (versionId: string): string {
  return `W/"${versionId}"`
}

/**
 * The version an If-Match header asks for: `W/"3"`, `"3"` and a bare `3` all mean version 3
 * (clients differ in how strictly they quote). `*` asks for no particular version.
 */
export function parseIfMatch (header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const text = header.trim()
  if (text === '*') return undefined
  const match = /^(?:W\/)?"(\d+)"$|^(\d+)$/.exec(text)
  if (match === null) throw new KjError('KI-0007', `If-Match '${header}' is not a version; send W/"<versionId>", e.g. W/"3"`)
  // Leading zeros name the same version: "03" is version 3.
  return (match[1] ?? match[2] as string).replace(/^0+(?=\d)/, '')
}

/** RFC 7231 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) for Last-Modified. */
export function httpDate (iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new RangeError(`'${iso}' is not a date`)
  return date.toUTCString()
}
