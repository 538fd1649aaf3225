import t from 'tap'
import { etagOf, httpDate, parseIfMatch } from '../../../server/domain/fhir/versioning.js'

t.test('weak ETags carry the version id', async (t) => {
  t.equal(etagOf('3'), 'W/"3"')
})

t.test('If-Match accepts the weak, strong and bare forms', async (t) => {
  t.equal(parseIfMatch(undefined), undefined)
  t.equal(parseIfMatch('W/"3"'), '3')
  t.equal(parseIfMatch('"3"'), '3')
  t.equal(parseIfMatch('3'), '3')
  t.equal(parseIfMatch(' W/"12" '), '12')
  t.equal(parseIfMatch('W/"03"'), '3', 'leading zeros name the same version')
  t.equal(parseIfMatch('*'), undefined, 'any version')
  for (const bad of ['', 'W/3', 'W/"x"', '"3', 'abc', 'W/"1", W/"2"', '-1']) {
    t.throws(() => parseIfMatch(bad), { code: 'KI-0007' }, `'${bad}' is malformed`)
  }
})

t.test('Last-Modified is an IMF-fixdate', async (t) => {
  t.equal(httpDate('2025-01-09T10:00:10.982+00:00'), 'Thu, 09 Jan 2025 10:00:10 GMT')
  t.equal(httpDate('2025-01-09T11:00:10+01:00'), 'Thu, 09 Jan 2025 10:00:10 GMT', 'offsets are converted to GMT')
  t.throws(() => httpDate('yesterday'), RangeError)
})
