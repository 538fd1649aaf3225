/** Kjernejournal Innlogging requires the tillitsrammeverk scope, and with INNLOGGING_REQUIRE_ATTEST the attest. */
import t from 'tap'
import { build } from '../../helper.js'
import { createBody, dpopUserToken, sessionCall } from '../../support/portal.js'
import { pkce } from '../../support/login.js'

const ENV = { DPOP_NONCE: 'false' }

t.test('create needs nhn:kjernejournal/tillitsrammeverk (KJF-000197)', async (t) => {
  const app = await build(t, ENV)
  const { challenge } = pkce()
  const without = await sessionCall(app, 'create', await dpopUserToken(app, '01887840020', 'openid profile nhn:kjernejournal/innlogging'), createBody(challenge))
  t.equal(without.statusCode, 403)
  t.match(without.json(), { utviklermelding: /nhn:kjernejournal\/tillitsrammeverk/ })
  const withScope = await sessionCall(app, 'create', await dpopUserToken(app), createBody(challenge))
  t.equal(withScope.statusCode, 200, withScope.body)
})

t.test('INNLOGGING_REQUIRE_ATTEST also needs the attest in the token', async (t) => {
  const app = await build(t, { ...ENV, INNLOGGING_REQUIRE_ATTEST: 'true' })
  const { challenge } = pkce()
  const res = await sessionCall(app, 'create', await dpopUserToken(app), createBody(challenge))
  t.equal(res.statusCode, 401)
  t.match(res.json(), { utviklermelding: /tillitsrammeverk attest/ })
})
