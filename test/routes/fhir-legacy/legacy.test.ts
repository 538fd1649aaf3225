/** The ticket-based FHIR face: the same store, reached with a user token and a ticket, KJF codes. */
import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { build } from '../../helper.js'
import { ci, ciToken, entryCount, expectTicketOutcome, kjUserToken, legacy, NURSE, ticketFor } from '../../support/critical-info.js'
import { systemToken } from '../../support/kj.js'

const STATUS4 = '17815810112'
const PLAIN = '24868510168'

t.test('Patient/$everything returns the ticket patient\'s critical information', async (t) => {
  const app = await build(t)
  const res = await legacy(app, 'GET', '/Patient/$everything', { token: await kjUserToken(app), ticket: await ticketFor(app, STATUS4) })
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { resourceType: 'Bundle', type: 'searchset' })
  t.equal(entryCount(res), 3)
})

t.test('one store, two faces: written here, read there', async (t) => {
  const app = await build(t)
  const token = await kjUserToken(app)
  const ticket = await ticketFor(app, PLAIN)
  const created = await legacy(app, 'POST', '/Condition', { token, ticket, body: sampleResource('KjConditionInfection', PLAIN) })
  t.equal(created.statusCode, 201, created.body)
  const id = created.json().id as string
  const viaApi = await ci(app, 'GET', `/Condition/${id}`, { token: await ciToken(app), nin: PLAIN })
  t.equal(viaApi.statusCode, 200)
  const stale = await legacy(app, 'PUT', `/Condition/${id}`, { token, ticket, body: { ...(created.json() as object), meta: { versionId: '0' }, note: [{ text: 'endret' }] } })
  expectTicketOutcome(t, stale, 'KJF-000065', 409)
})

t.test('ticket and consent failures, each with its code', async (t) => {
  const app = await build(t)
  const token = await kjUserToken(app)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token }), 'KJF-000259', 401)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token, ticket: 'bm90IGEgdGlja2V0' }), 'KJF-000011', 401)
  const ticket = await ticketFor(app, STATUS4)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token: await systemToken(app), ticket }), 'KJF-000218', 401)
  const noConsent = await ticketFor(app, STATUS4, null)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token, ticket: noConsent }), 'KJF-000217', 400)
  t.equal((await legacy(app, 'GET', '/Patient/$everything', { token, ticket: noConsent, headers: { 'kj-samtykke-bruk': 'HPAKUTT' } })).statusCode, 200, 'KJ-SAMTYKKE-BRUK gives the consent')
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token, ticket, headers: { 'kj-samtykke-bruk': 'KANSKJE' } }), 'KJF-000323', 400)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token, ticket, headers: { 'kj-samtykke-sperret-kritiskinfo': 'HPAKUTT' } }), 'KJF-000356', 400)
  const restricted = await ticketFor(app, '08847310112')
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token, ticket: restricted }), 'KJF-000179', 403)
  t.equal((await legacy(app, 'GET', '/Patient/$everything', { token, ticket: restricted, headers: { 'kj-samtykke-sperret-kritiskinfo': 'HPAKUTT' } })).statusCode, 200)
  const blocked = await ticketFor(app, '19878110199')
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token: await kjUserToken(app, NURSE), ticket: blocked }), 'KJF-000352', 403)
  app.sandbox.defaultSession.clock.advance(3600_000)
  expectTicketOutcome(t, await legacy(app, 'GET', '/Patient/$everything', { token: await kjUserToken(app), ticket }), 'KJF-000015', 401)
})
