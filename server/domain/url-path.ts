/**
 * The path of a request URL without its query string. Error messages, DPoP's `htu` and the face
 * classifier all want it, and a proof's URL must never carry the query (RFC 9449 section 4.3).
 */
export function withoutQuery (url: string): string {
  const at = url.indexOf('?')
  return at === -1 ? url : url.slice(0, at)
}
