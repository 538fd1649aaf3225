/**
 * HelseID's readiness findings: the request that records each, what the session's report then
 * says, and what a strict session answers instead.
 */
import t from 'tap'
import { decodeJwt } from 'jose'
import type { FastifyInstance } from 'fastify'
import { CLAIM, CLIENT_ASSERTION_TYPE } from '../../server/domain/helseid/claims.js'
import { build, clientAssertion, tokenRequest } from '../helper.js'
import { authorizeQuery, pkce } from '../support/login.js'
import { structure } from '../support/org-structure.js'
import { findingOf, readinessReport, recordedFinding, strictProfile } from '../support/readiness.js'

const CHILD = '310001295'
const PARENT = '310001147'
/** In HPR's test register as NHN's TestTokenDemo uses it, not in the users fixture. */
const UNKNOWN_PID = '05898597468'
const KNOWN_PID = '01887840020'

function systemTokenRequest (claims: Record<string, unknown> = {}) {
  return async (app: FastifyInstance) => tokenRequest(app, {
    grant_type: 'client_credentials',
    scope: 'nhn:kjernejournal/api',
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: await clientAssertion({ claims })
  })
}

const withoutStructure = systemTokenRequest()
const withStructure = systemTokenRequest({ authorization_details: [structure('urn:oid:2.16.578.1.12.4.1.4.101', CHILD)] })

t.test('default-child-organisation: a token without a structure takes the registration\'s child; strict issues it without', async (t) => {
  const app = await build(t)
  const lenientToken = await withoutStructure(app)
  t.equal(lenientToken.statusCode, 200)
  t.equal(decodeJwt(lenientToken.json().access_token as string)[CLAIM.orgnrChild], CHILD, 'lenient: the default child is in the token')
  const finding = await recordedFinding(app, 'default-child-organisation')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'deprecated')
  t.match(finding.did, /sandbox-demo-ehr.*no helseid_authorization structure.*310001295/)
  t.equal(finding.strict.refuses, true)
  const journal = (await app.inject({ method: 'GET', url: `/__admin/requests?eventId=${finding.firstEventId}` })).json()
  t.same(journal.requests[0]?.findings, ['default-child-organisation'], 'the journal entry names the finding')
  t.equal(journal.requests[0]?.defaultChildOrganisation, true, 'and keeps its flag')

  t.equal((await withStructure(app)).statusCode, 200)
  t.equal((await recordedFinding(app, 'default-child-organisation')).count, 1, 'a structure naming the child is no finding')

  await strictProfile(app)
  const strictToken = await withoutStructure(app)
  t.equal(strictToken.statusCode, 200, 'HelseID still issues the token')
  const claims = decodeJwt(strictToken.json().access_token as string)
  t.notOk(CLAIM.orgnrChild in claims, 'strict: no orgnr_child, as HelseID issues it')
  t.equal(claims[CLAIM.orgnrParent], PARENT, 'the parent stays')
  const after = await recordedFinding(app, 'default-child-organisation')
  t.equal(after.count, 2)
  t.equal(after.refused, 1)
  const strictEntry = (await app.inject({ method: 'GET', url: `/__admin/requests?eventId=${after.lastEventId}` })).json().requests[0]
  t.notOk(strictEntry?.defaultChildOrganisation, 'no default child went into the strict token')
  const sent = await withStructure(app)
  t.equal(decodeJwt(sent.json().access_token as string)[CLAIM.orgnrChild], CHILD, 'strict: the structure gives the child')
})

t.test('default-child-organisation: a secret client (which may send no structure) records only client-secret-auth', async (t) => {
  const app = await build(t)
  const res = await app.inject({
    method: 'POST',
    url: '/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret' }).toString()
  })
  t.equal(res.statusCode, 200)
  t.same((await readinessReport(app)).findings.map((f: { id: string }) => f.id), ['client-secret-auth'])
})

async function frontChannelAuthorize (app: FastifyInstance, details?: unknown) {
  const { challenge } = pkce()
  return app.inject(`/connect/authorize?${authorizeQuery({
    test_pid: KNOWN_PID,
    code_challenge: challenge,
    ...(details !== undefined && { authorization_details: JSON.stringify(details) })
  })}`)
}

t.test('authorization-details-front-channel: a plain authorize parameter works, is unconfirmed, and strict still takes it', async (t) => {
  const app = await build(t)
  t.equal((await frontChannelAuthorize(app)).statusCode, 302)
  t.equal(await findingOf(app, 'authorization-details-front-channel'), undefined, 'no authorization_details, no finding')
  const details = [structure('urn:oid:2.16.578.1.12.4.1.4.101', '310001406')]
  const res = await frontChannelAuthorize(app, details)
  t.equal(res.statusCode, 302)
  t.ok(new URL(res.headers.location as string).searchParams.get('code'), 'a code comes back')
  const finding = await recordedFinding(app, 'authorization-details-front-channel')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'unconfirmed')
  t.match(finding.did, /GET \/connect\/authorize: client 'sandbox-demo-ehr' sent authorization_details as a plain/)
  t.equal(finding.strict.refuses, false)

  await strictProfile(app)
  t.equal((await frontChannelAuthorize(app, details)).statusCode, 302, 'unconfirmed: strict does not refuse')
  const after = await recordedFinding(app, 'authorization-details-front-channel')
  t.equal(after.count, 2)
  t.equal(after.refused ?? 0, 0)
})

async function ttt (app: FastifyInstance, pid: string, hpr = true) {
  return app.inject({
    method: 'POST',
    url: '/v2/create-test-token-with-key',
    payload: { audience: 'nhn:kjernejournal', userClaimsParameters: { pid }, getHprNumberFromHprregisteret: hpr }
  })
}

t.test('synthesised-hpr-number: the TTT makes up an HPR number for a pid no fixture holds; unconfirmed, strict still answers', async (t) => {
  const app = await build(t)
  const known = await ttt(app, KNOWN_PID)
  t.equal(known.statusCode, 200)
  t.match(decodeJwt(known.json().successResponse.accessTokenJwt as string)[CLAIM.hprNumber], /^9\d{8}$/, 'a fixture user keeps the HPR number the fixture gives')
  t.equal((await ttt(app, UNKNOWN_PID, false)).statusCode, 200)
  t.equal(await findingOf(app, 'synthesised-hpr-number'), undefined, 'a fixture user, or no HPR switch, is no finding')
  const res = await ttt(app, UNKNOWN_PID)
  t.equal(res.statusCode, 200)
  const hpr = decodeJwt(res.json().successResponse.accessTokenJwt as string)[CLAIM.hprNumber] as string
  t.match(hpr, /^8\d{8}$/)
  const finding = await recordedFinding(app, 'synthesised-hpr-number')
  t.equal(finding.count, 1)
  t.equal(finding.severity, 'unconfirmed')
  t.match(finding.did, new RegExp(`getHprNumberFromHprregisteret for pid ${UNKNOWN_PID}.*${hpr}`))
  t.equal(finding.strict.refuses, false)

  await strictProfile(app)
  t.equal((await ttt(app, UNKNOWN_PID)).statusCode, 200, 'unconfirmed: strict does not refuse')
  t.equal((await recordedFinding(app, 'synthesised-hpr-number')).count, 2)
})
