import t from 'tap'
import { scenarioFaceOf, scenarioPathOf } from '../../../server/domain/scenarios/face.js'

t.test('each URL has its face, with or without a session prefix', async (t) => {
  const cases: Array<[string, string]> = [
    ['/.well-known/openid-configuration', 'helseid'],
    ['/connect/token', 'helseid'],
    ['/v2/create-test-token-with-key', 'helseid'],
    ['/__admin/scenarios', 'admin'],
    ['/__admin', 'admin'],
    ['/v1/fhir/Patient/$everything', 'fhir-legacy'],
    ['/api/critical-information/v1/Condition?patient=1', 'critical-information'],
    ['/v1/helseindikator', 'kjernejournal'],
    ['/v1/ping', 'kjernejournal'],
    ['/docs', 'other'],
    ['/s/ci-42/connect/token', 'helseid'],
    ['/s/ci-42/v1/fhir/metadata', 'fhir-legacy'],
    ['/s/ci-42/__admin/scenarios', 'admin']
  ]
  for (const [url, face] of cases) t.equal(scenarioFaceOf(url), face, url)
})

t.test('the path scenarios see has no session prefix or query', async (t) => {
  t.equal(scenarioPathOf('/s/abc/v1/ping?x=1'), '/v1/ping')
  t.equal(scenarioPathOf('/v1/ping'), '/v1/ping')
  t.equal(scenarioPathOf('/s/abc'), '/')
  t.equal(scenarioPathOf('/somewhere/s/abc'), '/somewhere/s/abc')
})
