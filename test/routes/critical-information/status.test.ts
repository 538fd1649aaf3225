/**
 * POST /status: a user token needs the full header set, as NHN's status page says (UNNTAK is
 * enough as access basis); a machine token needs only the source system and the patient. A
 * body `nin` must name the header's patient.
 */
import t from 'tap'
import { build } from '../../helper.js'
import { ci, ciToken, expectOutcome, NURSE } from '../../support/critical-info.js'

const PLAIN = '24868510168'
const OTHER = '17815810112'

t.test('a user token needs nhn-access-basis and nhn-user-role; UNNTAK will do', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const only = { 'nhn-access-basis': '', 'nhn-user-role': '' }
  expectOutcome(t, await ci(app, 'POST', '/status', { token, nin: PLAIN, headers: only }), 'KI-0007', 400)
  const noRole = await ci(app, 'POST', '/status', { token, nin: PLAIN, headers: { 'nhn-user-role': '' } })
  expectOutcome(t, noRole, 'KI-0007', 400)
  t.match(noRole.json().issue[0].diagnostics, /nhn-user-role is required/)
  const noBasis = await ci(app, 'POST', '/status', { token, nin: PLAIN, headers: { 'nhn-access-basis': '' } })
  t.match(noBasis.json().issue[0].diagnostics, /nhn-access-basis is required/)
  t.equal((await ci(app, 'POST', '/status', { token, nin: PLAIN, basis: 'UNNTAK' })).statusCode, 200, 'UNNTAK with a role')
  expectOutcome(t, await ci(app, 'POST', '/status', { token: await ciToken(app, NURSE), nin: PLAIN, role: 'LE' }), 'KI-0017', 403)
  const hitNames = await ci(app, 'POST', '/status', { token, nin: PLAIN, headers: { 'nhn-access-basis': '', 'hit-access-basis': 'UNNTAK' } })
  t.equal(hitNames.statusCode, 200, 'the older hit-* names count')
})

t.test('a machine token needs only nhn-source-system and nhn-patient-nin', async (t) => {
  const app = await build(t)
  const res = await app.inject({
    method: 'POST',
    url: '/api/critical-information/v1/status',
    headers: { authorization: `Bearer ${await ciToken(app, null)}`, 'nhn-source-system': 'EHR 1.0', 'nhn-patient-nin': PLAIN }
  })
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { patientNIN: PLAIN, privacySetting: { isBlocked: false } })
})

t.test('the body nin: the header\'s patient or nothing; another patient is KI-0010', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const mismatch = await ci(app, 'POST', '/status', { token, nin: PLAIN, body: { nin: OTHER } })
  expectOutcome(t, mismatch, 'KI-0010', 400)
  t.match(mismatch.json().issue[0].diagnostics, /not the nhn-patient-nin header's/)
  expectOutcome(t, await ci(app, 'POST', '/status', { token: await ciToken(app, null), nin: PLAIN, body: { nin: OTHER } }), 'KI-0010', 400)
  expectOutcome(t, await ci(app, 'POST', '/status', { token, nin: PLAIN, body: { nin: 10086055555 } }), 'KI-0007', 400)
  t.equal((await ci(app, 'POST', '/status', { token, nin: PLAIN, body: { nin: PLAIN } })).statusCode, 200, 'the same nin')
  t.equal((await ci(app, 'POST', '/status', { token, nin: PLAIN })).statusCode, 200, 'no body')
  t.equal((await ci(app, 'POST', '/status', { token, nin: PLAIN, body: {} })).statusCode, 200, 'a body without nin')
  // NHN's curl example sends the JSON body with curl's default form Content-Type.
  const asCurl = await ci(app, 'POST', '/status', { token, nin: PLAIN, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  t.equal(asCurl.statusCode, 200, 'the form content type of NHN\'s curl example')
})
