/**
 * The issuer-mismatch sentence every face uses: it names both issuers, and what it echoes of the
 * token's `iss` (attacker input) is bounded and safe in JSON, HTML and a header quoted-string.
 */
import t from 'tap'
import { describeIssuer, issuerMismatch, MAX_ECHOED_ISSUER } from '../../../server/domain/helseid/issuer-mismatch.js'

t.test('names the token\'s issuer, the expected one and PUBLIC_URL', async (t) => {
  t.equal(issuerMismatch('https://helseid-sts.nhn.no', 'http://localhost:8080'),
    "the token's issuer is 'https://helseid-sts.nhn.no'; expected 'http://localhost:8080' (PUBLIC_URL sets the issuer; a token from /s/<session> belongs to that session's URLs)")
})

t.test('describes an iss that is missing or not a string', async (t) => {
  t.equal(describeIssuer(undefined), 'missing')
  t.equal(describeIssuer(null), 'not a string (null)')
  t.equal(describeIssuer(['a']), 'not a string (object)')
  t.equal(describeIssuer(7), 'not a string (number)')
})

t.test('echoes at most MAX_ECHOED_ISSUER characters of a long iss, and says how long it was', async (t) => {
  const long = `https://${'x'.repeat(10_000)}`
  const described = describeIssuer(long)
  t.equal(described, `'${long.slice(0, MAX_ECHOED_ISSUER)}'... (10008 characters)`)
  t.equal(describeIssuer('a'.repeat(MAX_ECHOED_ISSUER)), `'${'a'.repeat(MAX_ECHOED_ISSUER)}'`, 'exactly the limit is not cut')
})

t.test('keeps only printable ASCII without " and \\', async (t) => {
  t.equal(describeIssuer('a"b\\c\r\nd\u0000é😀'), "'a\\u0022b\\u005cc\\u000d\\u000ad\\u0000\\u00e9\\ud83d\\ude00'")
  t.notMatch(issuerMismatch('"\r\n', 'http://x'), /["\r\n]/, 'no raw quote or line break')
  t.match(issuerMismatch('<b>', 'http://x'), /'<b>'/, 'HTML is left to the page renderer, which escapes it')
})
