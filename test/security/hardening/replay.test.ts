/**
 * Issue 18, item 6: replay caches are global where the real service's are. One client
 * assertion bought a token in every session named by X-Sandbox-Session, and one DPoP proof was
 * accepted once per session (robustness probe, finding 8). The DPoP case is in the attack table
 * (test/security/attacks.ts, `dpop-replayed-other-session`).
 */
import t from 'tap'
import { CLIENT_ASSERTION_TYPE } from '../../../server/domain/helseid/claims.js'
import { build, clientAssertion, tokenRequest } from '../../helper.js'

t.test('one client assertion buys one token, whatever X-Sandbox-Session says', async (t) => {
  const app = await build(t)
  const assertion = await clientAssertion({ jti: 'one-token-only' })
  const params = { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion }
  t.equal((await tokenRequest(app, params, { 'x-sandbox-session': 'first' })).statusCode, 200)
  for (const session of ['second', 'third', 'default']) {
    const again = await tokenRequest(app, params, { 'x-sandbox-session': session })
    t.equal(again.statusCode, 400, `replayed in session ${session}`)
    t.match(again.json(), { error: 'invalid_client', error_description: /jti has been used/ })
  }
})
