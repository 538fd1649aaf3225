/**
 * A token from another issuer, on each Kjernejournal face: the code and status stay the real
 * service's (KJF-000198, 401); the developer text names both issuers, so a token minted under
 * /s/<session> and sent without it (the tryout's trap) explains itself.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, ISSUER } from '../helper.js'
import { CI, ciHeaders } from '../support/critical-info.js'
import { helseindikator } from '../support/kj.js'
import { pkce } from '../support/login.js'
import { createBody, dpopUserToken, sessionCall } from '../support/portal.js'

const SESSION_ISSUER = `${ISSUER}/s/qa-1`
const WHY = (actual: string, expected: string): string =>
  `claim 'iss' is invalid: the token's issuer is '${actual}'; expected '${expected}' (PUBLIC_URL sets the issuer; a token from /s/<session> belongs to that session's URLs)`

async function sessionToken (app: FastifyInstance, request: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/s/qa-1/v2/create-test-token-with-key', payload: request })
  return res.json().successResponse.accessTokenJwt as string
}

t.test('REST face: a session token sent with only X-Sandbox-Session', async (t) => {
  const app = await build(t)
  const token = await sessionToken(app, { audience: 'nhn:kjernejournal', withoutDefaultUserClaims: true })
  const res = await helseindikator(app, { fnr: '24868510168' }, { token, headers: { 'x-sandbox-session': 'qa-1' } })
  t.equal(res.statusCode, 401)
  t.equal(res.headers['nhn-error-code'], 'KJF-000198')
  t.match(res.json(), { feilkode: 'KJF-000198', utviklermelding: `(${WHY(SESSION_ISSUER, ISSUER)})` }, 'the catalogue text, then both issuers')
})

t.test('critical-information face: the OperationOutcome says it', async (t) => {
  const app = await build(t)
  const token = await sessionToken(app, { audience: 'nhn:critical-information', clientClaimsParameters: { scope: ['nhn:critical-information/api'] }, userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' } })
  const res = await app.inject({ url: `${CI}/Condition`, headers: { authorization: `Bearer ${token}`, ...ciHeaders('24868510168') } })
  t.equal(res.statusCode, 401)
  t.equal(res.headers['nhn-error-code'], 'KJF-000198')
  t.equal(res.json().issue[0].diagnostics, WHY(SESSION_ISSUER, ISSUER))
})

t.test('Innlogging: a default-session token at a session URL', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const user = await dpopUserToken(app)
  const res = await sessionCall(app, 'create', user, createBody(pkce().challenge), { prefix: '/s/qa-1' })
  t.equal(res.statusCode, 401)
  t.match(res.json(), { feilkode: 'KJF-000198', utviklermelding: `(${WHY(ISSUER, SESSION_ISSUER)})` }, 'the catalogue text, then both issuers')
})
