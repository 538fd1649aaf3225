/**
 * Readiness findings about DPoP proofs at the Kjernejournal APIs: a proof the settings let
 * through that NHN's sample API refuses (too old, or htu with a query) is a will-fail finding,
 * and a strict session refuses it with KJF-000198 as the default settings do.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, ISSUER, tokenRequest } from '../helper.js'
import { CI, ciHeaders, expectOutcome } from '../support/critical-info.js'
import { boundCiToken, dpopProof, exportableDpopKey } from '../support/dpop.js'
import { findingOf, readinessReport, recordedFinding, strictProfile } from '../support/readiness.js'

const PATIENT = '24868510168'
const URL = `${ISSUER}${CI}/Condition`

function search (app: FastifyInstance, token: string, dpop: string, url = `${CI}/Condition`) {
  return app.inject({ method: 'GET', url, headers: { authorization: `DPoP ${token}`, dpop, ...ciHeaders(PATIENT) } })
}

const now = (): number => Math.floor(Date.now() / 1000)

t.test('dpop-proof-age: a proof older than NHN\'s 1 s + 5 s that DPOP_PROOF_MAX_AGE or DPOP_CLOCK_SKEW let through; strict answers KJF-000198', async (t) => {
  const app = await build(t, { DPOP_PROOF_MAX_AGE: '60', DPOP_CLOCK_SKEW: '60' })
  const key = await exportableDpopKey()
  const token = await boundCiToken(app, key, URL)
  const proof = (iat: number): Promise<string> => dpopProof(key, { htm: 'GET', htu: URL, accessToken: token, iat })
  t.equal((await search(app, token, await proof(now()))).statusCode, 200)
  t.equal(await findingOf(app, 'dpop-proof-age'), undefined, 'a fresh proof is no finding')
  t.equal((await search(app, token, await proof(now() - 30))).statusCode, 200, 'DPOP_PROOF_MAX_AGE=60 takes a 30 s old proof')
  t.equal((await search(app, token, await proof(now() + 30))).statusCode, 200, 'DPOP_CLOCK_SKEW=60 takes a proof made 30 s in the future')
  const finding = await recordedFinding(app, 'dpop-proof-age')
  t.equal(finding?.count, 2)
  t.equal(finding?.severity, 'will-fail')
  t.match(finding?.did, /DPoP proof was made \d+ s in the future; NHN's sample API takes 1 s/, 'did is the last event\'s')
  const journal = (await app.inject({ method: 'GET', url: `/__admin/requests?eventId=${finding?.firstEventId ?? ''}` })).json()
  t.same(journal.requests[0]?.findings, ['dpop-proof-age'], 'the journal entry names the finding')

  await strictProfile(app)
  const refused = await search(app, token, await proof(now() - 30))
  expectOutcome(t, refused, 'KJF-000198', 401)
  t.match(refused.json().issue[0].diagnostics, /iat must be within the last 1 seconds/)
  t.equal((await recordedFinding(app, 'dpop-proof-age')).refused, 1)
  t.equal((await search(app, token, await proof(now()))).statusCode, 200, 'a fresh proof passes in strict')
})

t.test('dpop-proof-age: with the default settings an old proof is refused, not recorded', async (t) => {
  const app = await build(t)
  const key = await exportableDpopKey()
  const token = await boundCiToken(app, key, URL)
  expectOutcome(t, await search(app, token, await dpopProof(key, { htm: 'GET', htu: URL, accessToken: token, iat: now() - 30 })), 'KJF-000198', 401)
  t.equal(await findingOf(app, 'dpop-proof-age'), undefined)
})

t.test('dpop-htu-query: a proof whose htu carries the query, taken with DPOP_STRICT_HTU=false; strict answers KJF-000198', async (t) => {
  const app = await build(t, { DPOP_STRICT_HTU: 'false' })
  const key = await exportableDpopKey()
  const token = await boundCiToken(app, key, URL)
  const path = `${CI}/Condition?criticalInfoType=Infection`
  t.equal((await search(app, token, await dpopProof(key, { htm: 'GET', htu: URL, accessToken: token }), path)).statusCode, 200)
  t.equal(await findingOf(app, 'dpop-htu-query'), undefined, 'htu without the query is right')
  t.equal((await search(app, token, await dpopProof(key, { htm: 'GET', htu: `${ISSUER}${path}`, accessToken: token }), path)).statusCode, 200)
  const finding = await recordedFinding(app, 'dpop-htu-query')
  t.equal(finding?.count, 1)
  t.equal(finding?.severity, 'will-fail')
  t.match(finding?.did, /htu carries a query/)

  await strictProfile(app)
  const refused = await search(app, token, await dpopProof(key, { htm: 'GET', htu: `${ISSUER}${path}`, accessToken: token }), path)
  expectOutcome(t, refused, 'KJF-000198', 401)
  t.match(refused.json().issue[0].diagnostics, /without query or fragment/)
  t.equal((await recordedFinding(app, 'dpop-htu-query')).refused, 1)
})

t.test('HelseID\'s token endpoint: a 30 s old proof is within its window and no finding', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await exportableDpopKey()
  const res = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/token`, iat: now() - 30 }) })
  t.equal(res.statusCode, 200)
  t.equal(res.json().token_type, 'DPoP')
  t.same(((await readinessReport(app)).findings).filter((f) => f.id.startsWith('dpop-')), [])
})

t.test('a reused proof is refused (HelseID and the APIs refuse a seen jti), so reuse is no finding', async (t) => {
  const app = await build(t)
  const key = await exportableDpopKey()
  const token = await boundCiToken(app, key, URL)
  const proof = await dpopProof(key, { htm: 'GET', htu: URL, accessToken: token })
  t.equal((await search(app, token, proof)).statusCode, 200)
  expectOutcome(t, await search(app, token, proof), 'KJF-000198', 401)
  t.same(((await readinessReport(app)).findings).filter((f) => f.id.startsWith('dpop-')), [])
})
