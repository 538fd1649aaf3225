/**
 * DPoP on the critical-information API: Bearer stays accepted by default, but a DPoP-bound
 * token (cnf.jkt) sent as Bearer is refused (RFC 9449 7.1); the DPoP scheme with a fresh proof
 * passes; a proof older than DPOP_PROOF_MAX_AGE + DPOP_CLOCK_SKEW does not.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, ISSUER } from '../../helper.js'
import { CI, ciHeaders, ciToken, expectOutcome } from '../../support/critical-info.js'
import { boundCiToken, dpopProof, exportableDpopKey } from '../../support/dpop.js'
import { helseindikator } from '../../support/kj.js'

const PLAIN = '24868510168'
const URL = `${ISSUER}${CI}/Condition`

function search (app: FastifyInstance, authorization: string, dpop?: string, url = `${CI}/Condition`) {
  return app.inject({ method: 'GET', url, headers: { authorization, ...ciHeaders(PLAIN), ...(dpop !== undefined && { dpop }) } })
}

t.test('a DPoP-bound token as Bearer is refused here, an unbound Bearer token is not', async (t) => {
  const app = await build(t)
  const key = await exportableDpopKey()
  const bound = await boundCiToken(app, key, URL)
  const refused = await search(app, `Bearer ${bound}`)
  expectOutcome(t, refused, 'KJF-000198', 401)
  t.match(refused.json().issue[0].diagnostics, /DPoP-bound \(cnf\.jkt\)/)
  t.equal((await search(app, `Bearer ${await ciToken(app)}`)).statusCode, 200, 'Bearer is still accepted by default')
  t.equal((await search(app, `DPoP ${bound}`, await dpopProof(key, { htm: 'GET', htu: URL, accessToken: bound }))).statusCode, 200, 'DPoP with a fresh proof')
})

t.test('helseindikator still takes a bound token as Bearer (NHN\'s sample EHR does so)', async (t) => {
  const app = await build(t)
  const key = await exportableDpopKey()
  const res = await app.inject({
    method: 'POST',
    url: '/v2/create-test-token-with-key',
    payload: {
      audience: 'nhn:kjernejournal',
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htuClaimValue: `${ISSUER}/v1/helseindikator`, htmClaimValue: 'POST', privateKeyForProofCreation: JSON.stringify(key.privateJwk) },
      clientClaimsParameters: { scope: ['nhn:kjernejournal/api'] },
      withoutDefaultUserClaims: true
    }
  })
  t.equal(res.statusCode, 200, res.body)
  const bound = res.json().successResponse.accessTokenJwt as string
  t.equal((await helseindikator(app, { fnr: PLAIN }, { token: bound })).statusCode, 200)
})

t.test('proof age: 1 s + 5 s by default, DPOP_PROOF_MAX_AGE and DPOP_CLOCK_SKEW move it; htu without the query', async (t) => {
  const app = await build(t)
  const key = await exportableDpopKey()
  const bound = await boundCiToken(app, key, URL)
  const now = Math.floor(Date.now() / 1000)
  const old = await search(app, `DPoP ${bound}`, await dpopProof(key, { htm: 'GET', htu: URL, accessToken: bound, iat: now - 30 }))
  expectOutcome(t, old, 'KJF-000198', 401)
  t.match(old.json().issue[0].diagnostics, /iat must be within the last 1 seconds/)
  const withQuery = await search(app, `DPoP ${bound}`, await dpopProof(key, { htm: 'GET', htu: `${URL}?criticalInfoType=Infection`, accessToken: bound }), `${CI}/Condition?criticalInfoType=Infection`)
  expectOutcome(t, withQuery, 'KJF-000198', 401)
  t.match(withQuery.json().issue[0].diagnostics, /without query or fragment/)
  const queried = await search(app, `DPoP ${bound}`, await dpopProof(key, { htm: 'GET', htu: URL, accessToken: bound }), `${CI}/Condition?criticalInfoType=Infection`)
  t.equal(queried.statusCode, 200, 'the request\'s query is not compared')

  const lenient = await build(t, { DPOP_PROOF_MAX_AGE: '60' })
  const key2 = await exportableDpopKey()
  const bound2 = await boundCiToken(lenient, key2, URL)
  const later = Math.floor(Date.now() / 1000)
  t.equal((await search(lenient, `DPoP ${bound2}`, await dpopProof(key2, { htm: 'GET', htu: URL, accessToken: bound2, iat: later - 30 }))).statusCode, 200, 'DPOP_PROOF_MAX_AGE=60 takes a 30 s old proof')
  const rfc = await build(t, { DPOP_STRICT_HTU: 'false' })
  const key3 = await exportableDpopKey()
  const bound3 = await boundCiToken(rfc, key3, URL)
  const proof = await dpopProof(key3, { htm: 'GET', htu: `${URL}?criticalInfoType=Infection`, accessToken: bound3 })
  t.equal((await search(rfc, `DPoP ${bound3}`, proof, `${CI}/Condition?criticalInfoType=Infection`)).statusCode, 200, 'DPOP_STRICT_HTU=false ignores the proof\'s query, as RFC 9449 4.3 reads')
})
