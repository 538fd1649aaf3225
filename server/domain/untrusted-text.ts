/**
 * Claim values from a caller's token, made fit to quote in an error message. They are attacker
 * input: each is cut short and kept to printable ASCII without `"` or `\` (the rest becomes
 * \uXXXX), so a message stays bounded and safe in a JSON body, an HTML page (escaped there as
 * always), a WWW-Authenticate quoted-string and a log line.
 */

/** Enough for any real URL or client id; a longer value is cut, so an error never echoes a huge claim. */
export const MAX_ECHOED_CHARS = 200
/** Of an array claim (aud), the first few items are enough to see what was sent. */
const MAX_ECHOED_ITEMS = 5

/** In single quotes, as the other messages quote values; also for trusted values (a configured URL), so both read alike. */
export function quote (value: string): string {
  return `'${value.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`
}

function quoteBounded (value: string): string {
  return value.length > MAX_ECHOED_CHARS ? `${quote(value.slice(0, MAX_ECHOED_CHARS))}... (${value.length} characters)` : quote(value)
}

/** A claim's value as a safe, bounded quoted string, a short list of them, or what it is when it is neither. */
export function describeUntrusted (value: unknown): string {
  if (value === undefined) return 'missing'
  if (typeof value === 'string') return quoteBounded(value)
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const more = value.length > MAX_ECHOED_ITEMS ? `, ... (${value.length} items)` : ''
    return `[${(value as string[]).slice(0, MAX_ECHOED_ITEMS).map(quoteBounded).join(', ')}${more}]`
  }
  return `not a string (${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`
}
