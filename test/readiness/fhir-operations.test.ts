/** validate-operation: $validate works here and is an unconfirmed finding; strict still answers it. */
import t from 'tap'
import { build } from '../helper.js'
import { ci, ciToken, kjUserToken, legacy, ticketFor } from '../support/critical-info.js'

t.test('validate-operation: recorded on $validate, not on a create; strict does not refuse it', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const nin = '24868510168'
  const flag = { resourceType: 'Flag', status: 'active' }
  const answer = await ci(app, 'POST', '/Flag/$validate', { token, nin, body: flag })
  t.equal(answer.statusCode, 200)
  t.equal(answer.json().resourceType, 'OperationOutcome')
  const report = (await app.inject({ method: 'GET', url: '/__admin/readiness' })).json()
  const finding = report.findings.find((f: { id: string }) => f.id === 'validate-operation')
  t.equal(finding?.count, 1)
  t.equal(finding?.severity, 'unconfirmed')
  t.match(finding?.did, /Flag\/\$validate/)
  // On the ticket face: strict refuses Bearer on the critical-information API, for another finding.
  await app.inject({ method: 'PUT', url: '/__admin/profile', payload: { profile: 'strict' } })
  const ticket = await ticketFor(app, nin)
  const strict = await legacy(app, 'POST', '/Flag/$validate', { token: await kjUserToken(app), ticket, body: flag })
  t.equal(strict.statusCode, 200, 'strict answers it too')
  t.equal((await app.inject({ method: 'GET', url: '/__admin/readiness' })).json().findings.find((f: { id: string }) => f.id === 'validate-operation')?.count, 2)
})
