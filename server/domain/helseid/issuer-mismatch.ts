/**
 * The one sentence every face says when a token comes from another issuer. The tryout found
 * "claim 'iss' is invalid" left people guessing (a /s/<session> token sent without the session,
 * or PUBLIC_URL not matching the URL they used), so it names both issuers. The token's issuer is
 * attacker input: it is cut short and kept to printable ASCII without `"` or `\`, so the sentence
 * is safe in a JSON body, an HTML page (escaped there as always) and a WWW-Authenticate
 * quoted-string, and no control character or look-alike reaches a log or a terminal.
 */

/** Enough for any real URL; a longer `iss` is cut, so an error never echoes a huge claim. */
export const MAX_ECHOED_ISSUER = 200

/** In single quotes, as the other messages quote values; anything but printable ASCII other than `"` and `\` becomes \uXXXX. */
function quoted (value: string): string {
  return `'${value.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`
}

/** The token's `iss` as a safe, bounded quoted string, or what it is when it is not a string. */
export function describeIssuer (iss: unknown): string {
  if (iss === undefined) return 'missing'
  if (typeof iss !== 'string') return `not a string (${iss === null ? 'null' : typeof iss})`
  return iss.length > MAX_ECHOED_ISSUER ? `${quoted(iss.slice(0, MAX_ECHOED_ISSUER))}... (${iss.length} characters)` : quoted(iss)
}

/** "the token's issuer is X; expected Y (...)": what to compare, and the setting that decides it. */
export function issuerMismatch (actual: unknown, expected: string): string {
  return `the token's issuer is ${describeIssuer(actual)}; expected ${quoted(expected)} (PUBLIC_URL sets the issuer; a token from /s/<session> belongs to that session's URLs)`
}
