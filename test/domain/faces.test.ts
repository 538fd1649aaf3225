import t from 'tap'
import { faceOf, pathOf, scenarioNameOf } from '../../server/domain/faces.js'

t.test('each URL has its face (as scenario files name it), with or without a session prefix', async (t) => {
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
  for (const [url, face] of cases) t.equal(scenarioNameOf(faceOf(url)), face, url)
})

t.test('the path scenarios see has no session prefix or query', async (t) => {
  t.equal(pathOf('/s/abc/v1/ping?x=1'), '/v1/ping')
  t.equal(pathOf('/v1/ping'), '/v1/ping')
  t.equal(pathOf('/s/abc'), '/')
  t.equal(pathOf('/somewhere/s/abc'), '/somewhere/s/abc')
})

t.test('the REST face is rest everywhere but in scenario files', async (t) => {
  t.equal(faceOf('/v1/ping'), 'rest')
  t.equal(scenarioNameOf('rest'), 'kjernejournal')
  t.equal(scenarioNameOf('other'), 'other')
})
