/**
 * Which `Accept` headers the FHIR faces cannot serve. They speak FHIR JSON only; the ticket
 * face's header table lists `application/json or application/xml`, so an EHR that asks for XML
 * alone gets 406 here rather than JSON it did not ask for (the sandbox does not serve XML; see
 * docs/assumptions.md). Anything else, no header included, is answered in JSON as before: only a
 * request that names XML and leaves no JSON-capable range open is refused.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
 */

const XML = new Set(['application/xml', 'application/fhir+xml', 'text/xml'])
const JSON_CAPABLE = new Set(['application/json', 'application/fhir+json', 'application/*', '*/*'])

interface Range { readonly type: string, readonly q: number }

function rangesOf (accept: string): Range[] {
  return accept.split(',').map((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = params.find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    return { type, q: Number.isFinite(weight) ? weight : 1 }
  }).filter((r) => r.type !== '')
}

/** True when `accept` asks for XML and accepts no FHIR JSON (406 then). */
export function wantsXmlOnly (accept: string | undefined): boolean {
  if (accept === undefined) return false
  const ranges = rangesOf(accept)
  const xml = ranges.some((r) => XML.has(r.type) && r.q > 0)
  const json = ranges.some((r) => JSON_CAPABLE.has(r.type) && r.q > 0)
  return xml && !json
}
