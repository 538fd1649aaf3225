/**
 * A new vendor's first hour, over HTTP and with an OAuth library no other test uses here
 * (oauth4webapi): its own key, client and organisations registered through the admin API, no
 * fixture edits; then ping, helseindikator with a ticket, and a read on both FHIR faces; then its
 * point of care set inactive, without agreement, and deleted through the admin API: 331, 227, 226.
 */
import t from 'tap'
import * as oauth from 'oauth4webapi'
import { exportJWK, generateKeyPair } from 'jose'
import { roleHeader } from '../support/critical-info.js'
import { startSandbox } from '../support/server.js'

const CLIENT_ID = 'nordlys-ehr'
const PARENT = '310009008'
const CHILD = '310009016'
const PATIENT = '24868510168'
const EPJ = 'Nordlys EHR 1.0'
const insecure = { [oauth.allowInsecureRequests]: true }

t.test('own client and organisations -> ping, helseindikator, both FHIR faces; then 331 / 227 / 226', async (t) => {
  const { url } = await startSandbox(t)
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/__admin${path}`, { method, ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) })
    return { status: res.status, body: res.status === 204 ? undefined : await res.json() as Record<string, unknown> }
  }

  t.equal((await admin('POST', '/organisations', { orgnr: PARENT, name: 'Nordlys legesenter AS' })).status, 201)
  t.equal((await admin('POST', '/organisations', { orgnr: CHILD, name: 'Nordlys legesenter, Tromsø', parent: PARENT })).status, 201)
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const registered = await admin('POST', '/clients', {
    client_id: CLIENT_ID,
    client_name: 'Nordlys EHR',
    jwks: { keys: [{ ...await exportJWK(publicKey), kid: 'nordlys-1', alg: 'RS256' }] },
    orgnr_parent: PARENT,
    orgnr_child: CHILD,
    scopes: ['nhn:kjernejournal/api']
  })
  t.equal(registered.status, 201, JSON.stringify(registered.body))
  t.same(registered.body?.organisationsAdded, [], 'the organisations were registered already')

  const issuer = new URL(url)
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure))
  const client: oauth.Client = { client_id: CLIENT_ID }
  const systemToken = async (): Promise<string> => {
    const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.PrivateKeyJwt({ key: privateKey, kid: 'nordlys-1' }), { scope: 'nhn:kjernejournal/api' }, insecure)
    return (await oauth.processClientCredentialsResponse(as, client, response)).access_token
  }
  const token = await systemToken()
  const ping = () => fetch(`${url}/v1/ping`, { headers: { authorization: `Bearer ${token}`, 'x-epj-system': EPJ } })

  t.equal((await ping()).status, 200, 'ping')
  const indicator = await fetch(`${url}/v1/helseindikator`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-epj-system': EPJ },
    body: JSON.stringify({ fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE' })
  })
  t.equal(indicator.status, 200)
  const { ticket } = await indicator.json() as { ticket?: string }
  t.type(ticket, 'string', 'helseindikator gives a ticket')

  // User tokens from the test-token service, for the client's own organisations (see README).
  const userToken = async (audience: string, scope: string): Promise<string> => {
    const res = await fetch(`${url}/v2/create-test-token-with-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ audience, clientClaimsParameters: { clientId: CLIENT_ID, orgnrParent: PARENT, orgnrChild: CHILD, scope: [scope] }, userClaimsParameters: { pid: '01887840020', hprNumber: '900100101' } })
    })
    return (await res.json() as { successResponse: { accessTokenJwt: string } }).successResponse.accessTokenJwt
  }
  const critical = await fetch(`${url}/api/critical-information/v1/AllergyIntolerance`, {
    headers: {
      authorization: `Bearer ${await userToken('nhn:critical-information', 'nhn:critical-information/api')}`,
      accept: 'application/fhir+json',
      'nhn-patient-nin': PATIENT,
      'nhn-access-basis': 'SAMTYKKE',
      'nhn-user-role': roleHeader('LE'),
      'nhn-source-system': EPJ
    }
  })
  t.equal(critical.status, 200, 'critical-information API')
  t.match(await critical.json(), { resourceType: 'Bundle' })
  const legacy = await fetch(`${url}/v1/fhir/Patient/$everything`, {
    headers: { authorization: `Bearer ${await userToken('nhn:kjernejournal', 'nhn:kjernejournal/api')}`, accept: 'application/fhir+json', 'X-KJ-Ticket': ticket as string, 'X-EPJ-System': EPJ }
  })
  t.equal(legacy.status, 200, 'ticket-based FHIR face')
  t.match(await legacy.json(), { resourceType: 'Bundle' })

  t.equal((await admin('PUT', `/organisations/${CHILD}`, { active: false })).status, 200)
  t.equal((await ping()).headers.get('nhn-error-code'), 'KJF-000331', 'inactive')
  t.equal((await admin('PUT', `/organisations/${CHILD}`, { active: true, access: false })).status, 200)
  t.equal((await ping()).headers.get('nhn-error-code'), 'KJF-000227', 'no agreement')
  t.equal((await admin('DELETE', `/organisations/${CHILD}`)).status, 204)
  const unknown = await ping()
  t.equal(unknown.headers.get('nhn-error-code'), 'KJF-000226', 'unknown')
  t.match(unknown.headers.get('x-sandbox-hint'), `POST /__admin/organisations {"orgnr":"${CHILD}"`, 'the sandbox says how to register it')
})
