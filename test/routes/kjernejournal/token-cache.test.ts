/** Remembering a token's signature never remembers its validity: every request checks the clock. */
import t from 'tap'
import { build } from '../../helper.js'
import { ping, systemToken } from '../../support/kj.js'

t.test('a token accepted a moment ago is refused once the session clock passes its expiry', async (t) => {
  const app = await build(t)
  const token = await systemToken(app)
  t.equal((await ping(app, { token })).statusCode, 200)
  t.equal((await ping(app, { token })).statusCode, 200, 'answered from the signature cache')
  const advanced = await app.inject({ method: 'POST', url: '/__admin/clock/advance', payload: { minutes: 61 } })
  t.equal(advanced.statusCode, 200)
  const late = await ping(app, { token })
  t.equal(late.statusCode, 401)
  t.equal(late.headers['nhn-error-code'], 'KJF-000198')
  t.match(late.body, /expired/)
})

t.test('the same token in another session (another issuer) is refused for its issuer', async (t) => {
  const app = await build(t)
  const token = await systemToken(app)
  t.equal((await ping(app, { token })).statusCode, 200)
  const elsewhere = await app.inject({ url: '/s/other/v1/ping', headers: { authorization: `Bearer ${token}`, 'x-epj-system': 'test' } })
  t.equal(elsewhere.statusCode, 401)
  t.equal(elsewhere.headers['nhn-error-code'], 'KJF-000198')
  t.match(elsewhere.body, /iss/)
})
