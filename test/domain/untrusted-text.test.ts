/**
 * Claim values quoted in error messages: attacker input, so what is echoed is bounded and safe in
 * JSON, HTML and a header quoted-string.
 */
import t from 'tap'
import { describeUntrusted, MAX_ECHOED_CHARS, quote } from '../../server/domain/untrusted-text.js'

t.test('describes a value that is missing or not a string', async (t) => {
  t.equal(describeUntrusted(undefined), 'missing')
  t.equal(describeUntrusted(null), 'not a string (null)')
  t.equal(describeUntrusted([1]), 'not a string (array)')
  t.equal(describeUntrusted({ a: 1 }), 'not a string (object)')
  t.equal(describeUntrusted(7), 'not a string (number)')
})

t.test('echoes at most MAX_ECHOED_CHARS characters of a long value, and says how long it was', async (t) => {
  const long = `https://${'x'.repeat(10_000)}`
  t.equal(describeUntrusted(long), `'${long.slice(0, MAX_ECHOED_CHARS)}'... (10008 characters)`)
  t.equal(describeUntrusted('a'.repeat(MAX_ECHOED_CHARS)), `'${'a'.repeat(MAX_ECHOED_CHARS)}'`, 'exactly the limit is not cut')
})

t.test('lists the first five items of an array of strings, each bounded', async (t) => {
  t.equal(describeUntrusted(['a', 'b']), "['a', 'b']")
  t.equal(describeUntrusted(['1', '2', '3', '4', '5', '6', '7']), "['1', '2', '3', '4', '5', ... (7 items)]")
  t.match(describeUntrusted(['y'.repeat(1000)]), /^\['y{200}'\.\.\. \(1000 characters\)\]$/)
})

t.test('keeps only printable ASCII without " and \\', async (t) => {
  t.equal(describeUntrusted('a"b\\c\r\nd\u0000é😀'), "'a\\u0022b\\u005cc\\u000d\\u000ad\\u0000\\u00e9\\ud83d\\ude00'")
  t.notMatch(describeUntrusted('"\r\n\u2028'), /["\r\n\u2028]/, 'no raw quote or line break')
  t.equal(describeUntrusted('<b>'), "'<b>'", 'HTML is left to the page renderer, which escapes it')
  t.equal(quote('http://localhost:8080'), "'http://localhost:8080'")
})
