import t from 'tap'
import { Coverage } from '../../../server/domain/journal/coverage.js'

t.test('counts endpoints with statuses, helseindikator statuses and codes', async (t) => {
  const coverage = new Coverage()
  coverage.record({ endpoint: 'POST /v1/helseindikator', face: 'rest', status: 200, code: null, helseindikatorStatus: 2 })
  coverage.record({ endpoint: 'POST /v1/helseindikator', face: 'rest', status: 200, code: null, helseindikatorStatus: 4 })
  coverage.record({ endpoint: 'POST /v1/helseindikator', face: 'rest', status: 200, code: null, helseindikatorStatus: 4 })
  coverage.record({ endpoint: 'POST /v1/helseindikator', face: 'rest', status: 403, code: 'KJF-000197' })
  coverage.record({ endpoint: 'POST /connect/token', face: 'helseid', status: 400, code: 'oauth:invalid_client' })
  coverage.record({ endpoint: null, face: 'other', status: 404, code: null })
  const snapshot = coverage.snapshot()
  t.equal(snapshot.requests, 6)
  t.same(snapshot.faces, ['rest', 'helseid', 'other'])
  t.same(snapshot.endpoints, {
    'POST /connect/token': { count: 1, statuses: { 400: 1 } },
    'POST /v1/helseindikator': { count: 4, statuses: { 200: 3, 403: 1 } }
  })
  t.same(snapshot.helseindikatorStatuses, { 0: 0, 1: 0, 2: 1, 3: 0, 4: 2 }, 'statuses never served show as 0')
  t.same(snapshot.codes, { 'KJF-000197': 1, 'oauth:invalid_client': 1 })
})

t.test('lists the catalogue codes not yet served, for the Kjernejournal faces used only', async (t) => {
  const coverage = new Coverage()
  coverage.record({ endpoint: 'POST /v1/helseindikator', face: 'rest', status: 403, code: 'KJF-000197' })
  const { notServed } = coverage.snapshot()
  t.same(Object.keys(notServed), ['rest'], 'no entry for faces not used')
  t.ok(notServed.rest?.includes('KJF-000353'), 'an unserved REST code is listed')
  t.notOk(notServed.rest?.includes('KJF-000197'), 'a served code is not')
  t.notOk(notServed.rest?.includes('KI-0001'), 'codes of other faces are not')
})

t.test('clear starts afresh', async (t) => {
  const coverage = new Coverage()
  coverage.record({ endpoint: 'GET /v1/ping', face: 'rest', status: 200, code: null })
  coverage.clear()
  t.same(coverage.snapshot(), { requests: 0, faces: [], endpoints: {}, helseindikatorStatuses: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 }, codes: {}, notServed: {}, situations: { 'consent-headers': 0, 'slow-answer': 0 } })
})
