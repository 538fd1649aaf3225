/**
 * KjConsent (Consent, category 8) through a real FHIR client (fhir-kit-client) against the started
 * sandbox, on both faces: written on one, read on the other, searched by category, the second
 * active consent refused with each face's code, deleted and Gone.
 */
import t from 'tap'
import { Client } from 'fhir-kit-client'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { roleHeader } from '../support/critical-info.js'
import { failure, typed } from '../support/fhir-kit.js'
import { startSandbox } from '../support/server.js'

const PATIENT = '24868510168'

async function testToken (url: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/v2/create-test-token-with-key`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const json = await res.json() as { successResponse?: { accessTokenJwt?: string } }
  const token = json.successResponse?.accessTokenJwt
  if (token === undefined) throw new Error(`no test token: ${JSON.stringify(json)}`)
  return token
}

const DOCTOR = { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }

t.test('KjConsent on both faces with fhir-kit-client', async (t) => {
  const { url } = await startSandbox(t)
  const api = new Client({
    baseUrl: `${url}/api/critical-information/v1`,
    bearerToken: await testToken(url, { audience: 'nhn:critical-information', clientClaimsParameters: { scope: ['nhn:critical-information/api'] }, userClaimsParameters: DOCTOR }),
    customHeaders: { 'nhn-patient-nin': PATIENT, 'nhn-access-basis': 'SAMTYKKE', 'nhn-user-role': roleHeader('LE'), 'nhn-source-system': 'fhir-kit-client e2e' }
  })
  const system = await testToken(url, { audience: 'nhn:kjernejournal', clientClaimsParameters: { scope: ['nhn:kjernejournal/api'] }, withoutDefaultUserClaims: true })
  const indicator = await fetch(`${url}/v1/helseindikator`, {
    method: 'POST',
    headers: { authorization: `Bearer ${system}`, 'content-type': 'application/json', 'x-epj-system': 'fhir-kit-client e2e' },
    body: JSON.stringify({ fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE' })
  })
  const { ticket } = await indicator.json() as { ticket: string }
  const legacy = new Client({
    baseUrl: `${url}/v1/fhir`,
    bearerToken: await testToken(url, { audience: 'nhn:kjernejournal', userClaimsParameters: DOCTOR }),
    customHeaders: { 'X-KJ-Ticket': ticket, 'X-EPJ-System': 'fhir-kit-client e2e' }
  })

  const body = sampleResource('KjConsent', PATIENT, { recordedDate: '2026-01-01T00:00:00.000Z' })
  const created = await typed<{ id: string, meta: { versionId: string, profile: string[] } }>(api.create({ resourceType: 'Consent', body: body as never }))
  t.equal(created.meta.versionId, '1')
  t.same(created.meta.profile, ['http://nhn.no/kj/fhir/StructureDefinition/KjConsent'])

  const viaTicket = await typed<{ id: string, status: string }>(legacy.read({ resourceType: 'Consent', id: created.id }))
  t.equal(viaTicket.status, 'active', 'written on the API, read on the ticket face')
  const found = await typed<{ entry?: unknown[] }>(legacy.search({ resourceType: 'Consent', searchParams: { category: '8' } }))
  t.equal(found.entry?.length, 1, 'a search Bundle as NHN shows it: entries, no total')

  const second = await failure(legacy.create({ resourceType: 'Consent', body: body as never }))
  t.equal(second.status, 409)
  t.match(JSON.stringify(second.data), /KJF-000138/)
  const secondApi = await failure(api.create({ resourceType: 'Consent', body: body as never }))
  t.equal(secondApi.status, 400)
  t.match(JSON.stringify(secondApi.data), /KI-0016/)

  const read = await typed<Record<string, unknown>>(api.read({ resourceType: 'Consent', id: created.id }))
  const inactive = await typed<{ meta: { versionId: string } }>(legacy.update({ resourceType: 'Consent', id: created.id, body: { ...read, status: 'inactive' } as never }))
  t.equal(inactive.meta.versionId, '2', 'refuted on the ticket face')
  const replacement = await typed<{ id: string }>(legacy.create({ resourceType: 'Consent', body: body as never }))
  const readBack = await typed<{ id: string, status: string }>(api.read({ resourceType: 'Consent', id: replacement.id }))
  t.equal(readBack.status, 'active', 'written on the ticket face, read on the API')

  await api.delete({ resourceType: 'Consent', id: replacement.id })
  t.equal((await failure(legacy.read({ resourceType: 'Consent', id: replacement.id }))).status, 410)
  const history = await typed<{ total: number }>(api.history({ resourceType: 'Consent', id: created.id }))
  t.equal(history.total, 2)
})
