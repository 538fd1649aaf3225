/** The critical-information API requires orgnr_child on every call ("Required for all"). */
import t from 'tap'
import { build } from '../../helper.js'
import { ci, ciToken, expectOutcome } from '../../support/critical-info.js'
import { ownClient, structure } from '../../support/org-structure.js'

const PLAIN = '24868510168'

t.test('a token without orgnr_child is refused with KJF-000208; with the structure it passes', async (t) => {
  const app = await build(t)
  const client = await ownClient(app)
  const bare = await client.token({}, { scope: 'nhn:critical-information/api' })
  t.equal(bare.statusCode, 200, bare.body)
  const refused = await ci(app, 'POST', '/status', { token: bare.json().access_token, nin: PLAIN, body: { nin: PLAIN } })
  expectOutcome(t, refused, 'KJF-000208', 401)
  t.match(refused.json().issue[0].diagnostics, /orgnr_child/)
  const withChild = await client.token({ authorization_details: [structure('urn:oid:2.16.578.1.12.4.1.4.101', '310001295')] }, { scope: 'nhn:critical-information/api' })
  const ok = await ci(app, 'POST', '/status', { token: withChild.json().access_token, nin: PLAIN, body: { nin: PLAIN } })
  t.equal(ok.statusCode, 200, ok.body)
  t.equal((await ci(app, 'GET', '/Condition', { token: await ciToken(app), nin: PLAIN })).statusCode, 200, 'test tokens carry a child by default')
})
