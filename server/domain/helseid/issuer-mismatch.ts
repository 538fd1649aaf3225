/**
 * The one sentence every face says when a token comes from another issuer. The tryout found
 * "claim 'iss' is invalid" left people guessing (a /s/<session> token sent without the session,
 * or PUBLIC_URL not matching the URL they used), so it names both issuers, the token's bounded
 * and escaped (see untrusted-text.ts).
 */
import { describeUntrusted, quote } from '../untrusted-text.js'

/**
 * "the token's issuer is X; expected Y (...)": what to compare, and the settings that decide it.
 * `expected` is every issuer accepted here, the one for the URL the caller used first.
 */
export function issuerMismatch (actual: unknown, expected: string | readonly string[]): string {
  const [own = '', ...others] = typeof expected === 'string' ? [expected] : expected
  const which = others.length === 0
    ? `${quote(own)} (PUBLIC_URL sets the issuer`
    : `${[own, ...others].map(quote).join(' or ')} (PUBLIC_URL and PUBLIC_URLS set the issuers`
  return `the token's issuer is ${describeUntrusted(actual)}; expected ${which}; a token from /s/<session> belongs to that session's URLs)`
}
