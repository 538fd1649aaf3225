import t from 'tap'
import { isRegexPattern, pathMatcher, regexOf } from '../../../server/domain/scenarios/path-pattern.js'

t.test('exact paths match only themselves', async (t) => {
  const match = pathMatcher('/v1/ping')
  t.ok(match('/v1/ping'))
  t.notOk(match('/v1/ping/x'))
  t.notOk(match('/v1/pin'))
  t.ok(pathMatcher('/v1/fhir/Patient/$everything')('/v1/fhir/Patient/$everything'), '$ is literal in exact paths')
})

t.test('a * matches any characters, slashes included; the rest is literal', async (t) => {
  const match = pathMatcher('/v1/fhir/*')
  t.ok(match('/v1/fhir/Patient/$everything'))
  t.ok(match('/v1/fhir/'))
  t.notOk(match('/v1/fhirx'))
  t.ok(pathMatcher('/.well-known/*')('/.well-known/openid-configuration'))
  t.notOk(pathMatcher('/.well-known/*')('/xwell-known/openid-configuration'), 'the dot is literal')
  t.ok(pathMatcher('*/metadata')('/api/critical-information/v1/metadata'))
})

t.test('/source/flags is a regular expression', async (t) => {
  t.ok(isRegexPattern('/^\\/v1\\/.*$/'))
  t.ok(isRegexPattern('/ping/i'))
  t.notOk(isRegexPattern('/v1/ping'))
  t.ok(pathMatcher('/ping$/i')('/v1/PING'))
  t.notOk(pathMatcher('/^\\/v1\\/(?!fhir)/')('/v1/fhir/metadata'))
  t.ok(pathMatcher('/^\\/v1\\/(?!fhir)/')('/v1/ping'))
  t.equal(regexOf('/[/'), undefined, 'a broken expression does not compile')
  t.notOk(pathMatcher('/[/')('/['), 'and never matches')
  const sticky = pathMatcher('/ping/g')
  t.ok(sticky('/v1/ping') && sticky('/v1/ping'), 'g does not make matching stateful')
})
