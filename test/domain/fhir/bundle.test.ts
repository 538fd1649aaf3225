import t from 'tap'
import { historyBundle, plainSearchset, searchAnswer, searchsetBundle } from '../../../server/domain/fhir/bundle.js'
import type { FhirResource } from '../../../server/domain/critical-info/types.js'

const base = 'http://sandbox.test/api/critical-information/v1'
const version = (id: string, versionId: string, lastUpdated: string, extra: Record<string, unknown> = {}): FhirResource =>
  ({ resourceType: 'Flag', id, meta: { versionId, lastUpdated }, status: 'active', ...extra })

t.test('a searchset lists matches by absolute URL', async (t) => {
  const a = version('a', '1', '2025-01-09T10:00:00Z')
  const b = { ...version('b', '2', '2025-01-09T11:00:00Z'), resourceType: 'AllergyIntolerance' }
  const bundle = searchsetBundle(`${base}/`, [a, b], { selfUrl: `${base}/Flag?x=1` })
  t.match(bundle, { resourceType: 'Bundle', type: 'searchset', total: 2, link: [{ relation: 'self', url: `${base}/Flag?x=1` }] })
  t.match(bundle.id, /^[0-9a-f-]{36}$/)
  t.same(bundle.entry, [
    { fullUrl: `${base}/Flag/a`, resource: a, search: { mode: 'match' } },
    { fullUrl: `${base}/AllergyIntolerance/b`, resource: b, search: { mode: 'match' } }
  ])
  t.not(searchsetBundle(base, []).id, bundle.id, 'each bundle has its own id')
})

t.test('an empty searchset has a total of 0 and no entry (FHIR JSON has no empty arrays)', async (t) => {
  const bundle = searchsetBundle(base, [])
  t.equal(bundle.total, 0)
  t.notOk('entry' in bundle)
  t.notOk('link' in bundle, 'no self link unless given')
})

t.test('a history is newest first, each version with how it came to be', async (t) => {
  const v1 = version('a', '1', '2025-01-09T10:00:00Z')
  const v2 = version('a', '2', '2025-01-09T11:00:00Z')
  const v3 = version('a', '3', '2025-01-09T12:00:00+01:00', { status: 'entered-in-error' })
  const bundle = historyBundle(base, [v1, v3, v2], (r) => r.status === 'entered-in-error')
  t.match(bundle, { resourceType: 'Bundle', type: 'history', total: 3 })
  t.same(bundle.entry?.map((e) => e.resource.meta?.versionId), ['3', '2', '1'], 'v3 is newest though its offset makes it sort first as text')
  t.same(bundle.entry?.[0], {
    fullUrl: `${base}/Flag/a`,
    resource: v3,
    request: { method: 'DELETE', url: 'Flag/a' },
    response: { status: '200 OK', etag: 'W/"3"', lastModified: '2025-01-09T12:00:00+01:00' }
  })
  t.same(bundle.entry?.[1]?.request, { method: 'PUT', url: 'Flag/a' })
  t.same(bundle.entry?.[1]?.response.status, '200 OK')
  t.same(bundle.entry?.[2]?.request, { method: 'POST', url: 'Flag' })
  t.same(bundle.entry?.[2]?.response, { status: '201 Created', etag: 'W/"1"', lastModified: '2025-01-09T10:00:00Z' })
})

t.test('versions updated within the same instant order by version id', async (t) => {
  const same = '2025-01-09T10:00:00Z'
  const bundle = historyBundle(base, [version('a', '1', same), version('a', '10', same), version('a', '2', same)], () => false)
  t.same(bundle.entry?.map((e) => e.resource.meta?.versionId), ['10', '2', '1'])
})

t.test('a search answers as NHN\'s examples show it unless BUNDLE_EXTRAS: entry[].resource and nothing else', async (t) => {
  const a = version('a', '1', '2025-01-09T10:00:00Z')
  t.same(plainSearchset([a]), { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: a }] })
  t.same(plainSearchset([]), { resourceType: 'Bundle', type: 'searchset' }, 'no entry when nothing matches')
  t.same(searchAnswer(base, [a], { selfUrl: `${base}/Flag`, extras: false }), plainSearchset([a]))
  t.match(searchAnswer(base, [a], { selfUrl: `${base}/Flag`, extras: true }), { total: 1, link: [{ relation: 'self' }], entry: [{ fullUrl: `${base}/Flag/a`, search: { mode: 'match' } }] })
})
