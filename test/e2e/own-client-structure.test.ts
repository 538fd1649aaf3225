/**
 * A vendor's own client, driven by an OAuth library the suite uses nowhere else (oauth4webapi):
 * registered at run time with its own key, it sends its point of care the way HelseID wants it,
 * in the client assertion's authorization_details, and calls ping and helseindikator with the
 * token. No fixture is edited.
 */
import t from 'tap'
import * as oauth from 'oauth4webapi'
import { decodeJwt, exportJWK, generateKeyPair } from 'jose'
import { startSandbox } from '../support/server.js'

const EPJ = { 'x-epj-system': 'ACME EHR system version 42.01' }

t.test('own key + organisation structure in the assertion -> ping and helseindikator', async (t) => {
  const { url, app } = await startSandbox(t)
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const registered = await fetch(`${url}/__admin/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'acme-e2e', jwks: { keys: [{ ...await exportJWK(publicKey), kid: 'acme-1' }] }, orgnr_parent: '310001147', scopes: ['nhn:kjernejournal/api'] })
  })
  t.equal(registered.status, 201)

  const issuer = new URL(url)
  const options = { [oauth.allowInsecureRequests]: true }
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options))
  const client: oauth.Client = { client_id: 'acme-e2e' }
  const auth = oauth.PrivateKeyJwt({ key: privateKey, kid: 'acme-1' }, {
    [oauth.modifyAssertion]: (_header, payload) => {
      payload.authorization_details = [{
        type: 'helseid_authorization',
        practitioner_role: { organization: { identifier: { system: 'urn:oid:1.0.6523', type: 'ENH', value: 'NO:ORGNR:310001147:310001295' } } }
      }]
    }
  })
  const response = await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: 'nhn:kjernejournal/api' }, options)
  const tokens = await oauth.processClientCredentialsResponse(as, client, response)
  t.match(decodeJwt(tokens.access_token), {
    'helseid://claims/client/claims/orgnr_parent': '310001147',
    'helseid://claims/client/claims/orgnr_child': '310001295'
  })

  const headers = { authorization: `Bearer ${tokens.access_token}`, ...EPJ }
  const pong = await fetch(`${url}/v1/ping`, { headers })
  t.equal(pong.status, 200, 'ping')
  const patient = [...app.sandbox.world.patients.values()].find((p) => p.status === 'active' && !p.reserved && p.criticalInfo.length > 0)!
  const indicator = await fetch(`${url}/v1/helseindikator`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json;charset=UTF-8' },
    body: JSON.stringify({ fnr: patient.nin, samtykke: 'HPMOTTATTSAMTYKKE' })
  })
  t.equal(indicator.status, 200)
  t.match(await indicator.json(), { status: 4, ticket: String })
  const journal = await (await fetch(`${url}/__admin/requests?path=/connect/token`)).json() as { requests: Array<Record<string, unknown>> }
  t.notOk(journal.requests[0]?.defaultChildOrganisation, 'the child came from the EHR, not from a default')
})
