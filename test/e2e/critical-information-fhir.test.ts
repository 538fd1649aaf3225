/**
 * Both FHIR faces through a real FHIR client (fhir-kit-client) against the started sandbox, with
 * tokens from the HelseID stand-in through a real OAuth client (openid-client): one login, one
 * single-audience token per API by refresh with `resource`, as HelseID recommends.
 */
import t from 'tap'
import * as client from 'openid-client'
import { Client } from 'fhir-kit-client'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { roleHeader } from '../support/critical-info.js'
import { demoClient, followLogin, REDIRECT_URI } from '../support/openid.js'
import { failure, typed } from '../support/fhir-kit.js'
import { startSandbox } from '../support/server.js'

const PATIENT = '24868510168'

async function tokens (url: string) {
  const config = await demoClient(url)
  const verifier = client.randomPKCECodeVerifier()
  const authorizationUrl = await client.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid offline_access nhn:critical-information/api nhn:kjernejournal/api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    resource: 'nhn:critical-information',
    test_pid: '01887840020'
  })
  const login = await client.authorizationCodeGrant(config, await followLogin(authorizationUrl), { pkceCodeVerifier: verifier }, { resource: 'nhn:critical-information' })
  const kj = await client.refreshTokenGrant(config, login.refresh_token as string, { resource: 'nhn:kjernejournal' })
  const system = await client.clientCredentialsGrant(config, { scope: 'nhn:kjernejournal/api' })
  return { criticalInfo: login.access_token, kjUser: kj.access_token, system: system.access_token }
}

t.test('critical-information API: create, read, search, update, stale update, delete, 410, history', async (t) => {
  const { url } = await startSandbox(t)
  const { criticalInfo } = await tokens(url)
  const fhir = new Client({
    baseUrl: `${url}/api/critical-information/v1`,
    bearerToken: criticalInfo,
    customHeaders: { 'nhn-patient-nin': PATIENT, 'nhn-access-basis': 'SAMTYKKE', 'nhn-user-role': roleHeader('LE'), 'nhn-source-system': 'fhir-kit-client e2e' }
  })
  const capability = await typed<{ resourceType: string }>(fhir.capabilityStatement())
  t.equal(capability.resourceType, 'CapabilityStatement')

  const created = await typed<{ id: string, meta: { versionId: string } }>(fhir.create({ resourceType: 'AllergyIntolerance', body: sampleResource('KjAllergyIntolerance', PATIENT) as never }))
  t.equal(created.meta.versionId, '1')
  const read = await typed<{ id: string }>(fhir.read({ resourceType: 'AllergyIntolerance', id: created.id }))
  t.equal(read.id, created.id)
  const found = await typed<{ entry?: unknown[] }>(fhir.search({ resourceType: 'AllergyIntolerance', searchParams: { criticalInfoType: 'DrugReaction' } }))
  t.equal(found.entry?.length, 1, 'entry only: no total, as NHN\'s examples show')

  const updated = await typed<{ meta: { versionId: string } }>(fhir.update({ resourceType: 'AllergyIntolerance', id: created.id, body: { ...read, note: [{ text: 'Alvorlig reaksjon 2019.' }] } as never }))
  t.equal(updated.meta.versionId, '2')
  const stale = await failure(fhir.update({ resourceType: 'AllergyIntolerance', id: created.id, body: { ...read, note: [{ text: 'Eldre versjon' }] } as never }))
  t.equal(stale.status, 409)
  t.match(JSON.stringify(stale.data), /KI-0011/)

  await fhir.delete({ resourceType: 'AllergyIntolerance', id: created.id })
  const gone = await failure(fhir.read({ resourceType: 'AllergyIntolerance', id: created.id }))
  t.equal(gone.status, 410, 'a deleted record is Gone')
  const history = await typed<{ type: string, total: number }>(fhir.history({ resourceType: 'AllergyIntolerance', id: created.id }))
  t.match(history, { type: 'history', total: 3 })
  const v1 = await typed<{ meta: { versionId: string } }>(fhir.vread({ resourceType: 'AllergyIntolerance', id: created.id, version: '1' }))
  t.equal(v1.meta.versionId, '1')
})

t.test('ticket-based face: $everything, create, stale update (KJF-000065), delete, 410', async (t) => {
  const { url } = await startSandbox(t)
  const { kjUser, system } = await tokens(url)
  const indicator = await fetch(`${url}/v1/helseindikator`, {
    method: 'POST',
    headers: { authorization: `Bearer ${system}`, 'content-type': 'application/json', 'x-epj-system': 'fhir-kit-client e2e' },
    body: JSON.stringify({ fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE' })
  })
  const { ticket } = await indicator.json() as { ticket: string }
  const fhir = new Client({ baseUrl: `${url}/v1/fhir`, bearerToken: kjUser, customHeaders: { 'X-KJ-Ticket': ticket, 'X-EPJ-System': 'fhir-kit-client e2e' } })
  const before = await typed<{ entry?: unknown[] }>(fhir.operation({ name: '$everything', resourceType: 'Patient', method: 'GET' }))
  t.equal(before.entry, undefined, 'nothing listed')
  const created = await typed<{ id: string }>(fhir.create({ resourceType: 'Condition', body: sampleResource('KjConditionInfection', PATIENT) as never }))
  const after = await typed<{ entry?: unknown[] }>(fhir.operation({ name: '$everything', resourceType: 'Patient', method: 'GET' }))
  t.equal(after.entry?.length, 1)
  const read = await typed<Record<string, unknown>>(fhir.read({ resourceType: 'Condition', id: created.id }))
  await fhir.update({ resourceType: 'Condition', id: created.id, body: { ...read, note: [{ text: 'Bærer, ikke syk.' }] } as never })
  const stale = await failure(fhir.update({ resourceType: 'Condition', id: created.id, body: { ...read, note: [{ text: 'x' }] } as never }))
  t.equal(stale.status, 409)
  t.match(JSON.stringify(stale.data), /KJF-000065/)
  await fhir.delete({ resourceType: 'Condition', id: created.id })
  t.equal((await failure(fhir.read({ resourceType: 'Condition', id: created.id }))).status, 410)
})
