/**
 * The EHR's first two steps against the started sandbox, with a real OAuth client: a system
 * token from the HelseID stand-in (openid-client, private_key_jwt), then helseindikator over
 * HTTP, which gives a ticket for a patient with critical information.
 */
import t from 'tap'
import * as client from 'openid-client'
import { demoClient } from '../support/openid.js'
import { startSandbox } from '../support/server.js'

t.test('system token -> helseindikator -> ticket for a status-4 patient', async (t) => {
  const { url, app } = await startSandbox(t)
  const config = await demoClient(url)
  const { access_token: token } = await client.clientCredentialsGrant(config, { scope: 'nhn:kjernejournal/api' })
  const patient = [...app.sandbox.world.patients.values()].find((p) => p.status === 'active' && !p.reserved && p.criticalInfo.length > 0)!
  const res = await fetch(`${url}/v1/helseindikator`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json;charset=UTF-8', 'x-epj-system': 'ACME EHR system version 42.01' },
    body: JSON.stringify({ fnr: patient.nin, samtykke: 'HPMOTTATTSAMTYKKE' })
  })
  t.equal(res.status, 200)
  t.match(res.headers.get('x-event-id'), /^Id-/)
  const body = await res.json() as Record<string, unknown>
  t.match(body, { status: 4, returTekst: 'OBS: Kritisk informasjon i kjernejournal', ticket: String, sistEndretKritiskInfo: Array })
  const claims = await app.sandbox.tickets.open(body.ticket as string, { now: app.sandbox.defaultSession.clock.epochSeconds(), nin: patient.nin })
  t.match(claims, { nin: patient.nin, samtykke: 'HPMOTTATTSAMTYKKE' })
  const pong = await fetch(`${url}/v1/ping`, { headers: { authorization: `Bearer ${token}`, 'x-epj-system': 'ACME EHR system version 42.01' } })
  t.equal(pong.status, 200)
})
