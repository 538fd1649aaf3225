/**
 * The one sentence every face says when a token comes from another issuer. The tryout found
 * "claim 'iss' is invalid" left people guessing (a /s/<session> token sent without the session,
 * or PUBLIC_URL not matching the URL they used), so it names both issuers, the token's bounded
 * and escaped (see untrusted-text.ts).
 */
import { describeUntrusted, quote } from '../untrusted-text.js'

/** "the token's issuer is X; expected Y (...)": what to compare, and the setting that decides it. */
export function issuerMismatch (actual: unknown, expected: string): string {
  return `the token's issuer is ${describeUntrusted(actual)}; expected ${quote(expected)} (PUBLIC_URL sets the issuer; a token from /s/<session> belongs to that session's URLs)`
}
