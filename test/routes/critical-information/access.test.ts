/** Who may read and write critical information: token, headers, user, role, blocks, restrictions. */
import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { build } from '../../helper.js'
import { ci, ciToken, DOCTOR, entryCount, expectOutcome, NURSE, roleHeader } from '../../support/critical-info.js'
import { testToken } from '../../support/kj.js'

const PLAIN = '24868510168'
const BLOCKS_NURSE = '19878110199'
const RESTRICTED = '08847310112'

t.test('roles: reading needs a granted role the user holds; writing needs a physician', async (t) => {
  const app = await build(t)
  const nurse = await ciToken(app, NURSE)
  t.equal((await ci(app, 'GET', '/Condition', { token: nurse, nin: PLAIN, role: 'SP' })).statusCode, 200, 'a nurse reads')
  expectOutcome(t, await ci(app, 'POST', '/Condition', { token: nurse, nin: PLAIN, role: 'SP', body: sampleResource('KjConditionInfection', PLAIN) }), 'KI-0017', 403)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: nurse, nin: PLAIN, role: 'LE' }), 'KI-0017', 403)
})

t.test('a patient who blocked the user: KI-0018, no way around it', async (t) => {
  const app = await build(t)
  const nurse = await ciToken(app, NURSE)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: nurse, nin: BLOCKS_NURSE, role: 'SP' }), 'KI-0018', 403)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: nurse, nin: BLOCKS_NURSE, role: 'SP', basis: 'FORHOYET_AKUTT' }), 'KI-0018', 403)
  const doctor = await ciToken(app, DOCTOR)
  t.equal((await ci(app, 'GET', '/Condition', { token: doctor, nin: BLOCKS_NURSE })).statusCode, 200, 'other users are not blocked')
  const status = await ci(app, 'POST', '/status', { token: nurse, nin: BLOCKS_NURSE, role: 'SP', body: { nin: BLOCKS_NURSE } })
  t.match(status.json(), { privacySetting: { isBlocked: true } }, 'the status endpoint tells the user')
})

t.test('a restricted patient needs raised consent; raised consent needs a restriction', async (t) => {
  const app = await build(t)
  const doctor = await ciToken(app)
  expectOutcome(t, await ci(app, 'GET', '/AllergyIntolerance', { token: doctor, nin: RESTRICTED }), 'KI-0019', 403)
  const opened = await ci(app, 'GET', '/AllergyIntolerance', { token: doctor, nin: RESTRICTED, basis: 'FORHOYET_SAMTYKKE' })
  t.equal(opened.statusCode, 200)
  t.ok(entryCount(opened) >= 1, 'the restricted record is there')
  expectOutcome(t, await ci(app, 'GET', '/AllergyIntolerance', { token: doctor, nin: PLAIN, basis: 'FORHOYET_AKUTT' }), 'KJF-000356', 400)
  const status = await ci(app, 'POST', '/status', { token: doctor, nin: RESTRICTED, body: { nin: RESTRICTED } })
  t.match(status.json(), { privacySetting: { isRestricted: true, isBlocked: false } })
})

t.test('headers: required ones, the older hit-* names, bad values', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const bare = await app.inject({ url: '/api/critical-information/v1/Condition', headers: { authorization: `Bearer ${token}`, 'nhn-source-system': 'Test EHR', 'nhn-access-basis': 'SAMTYKKE', 'nhn-user-role': roleHeader('LE') } })
  expectOutcome(t, bare, 'KI-0007', 400)
  t.match(bare.json().issue[0].diagnostics, /nhn-patient-nin/)
  const old = await app.inject({
    url: '/api/critical-information/v1/Condition',
    headers: { authorization: `Bearer ${token}`, 'hit-source-system': 'Test EHR', 'hit-access-basis': 'SAMTYKKE', 'hit-user-role': roleHeader('LE'), 'hit-patient-pid': PLAIN }
  })
  t.equal(old.statusCode, 200, 'the hit-* names still work')
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token, nin: PLAIN, basis: 'KANSKJE' }), 'KI-0007', 400)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token, nin: PLAIN, headers: { 'nhn-user-role': 'not-json' } }), 'KI-0007', 400)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token, nin: '12345678901' }), 'KI-0007', 400)
})

t.test('tokens: the API\'s own audience, users for records, DPoP when required', async (t) => {
  const app = await build(t)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: await testToken(app, {}), nin: PLAIN }), 'KJF-000198', 401)
  const system = await ciToken(app, null)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: system, nin: PLAIN }), 'KJF-000218', 401)
  t.equal((await ci(app, 'POST', '/status', { token: system, nin: PLAIN, body: { nin: PLAIN } })).statusCode, 200, 'status takes a system token')
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: await ciToken(app, { pid: '06838810177', hpr: '900100404' }), nin: PLAIN, role: 'FT' }), 'KJF-000163', 403)
  expectOutcome(t, await ci(app, 'GET', '/Condition', { token: await ciToken(app, { pid: '25907610198', hpr: '900100505' }), nin: PLAIN }), 'KJF-000308', 403)
  const strict = await build(t, { REQUIRE_DPOP: 'true' })
  expectOutcome(t, await ci(strict, 'GET', '/Condition', { token: await ciToken(strict), nin: PLAIN }), 'KJF-000198', 401)
})
