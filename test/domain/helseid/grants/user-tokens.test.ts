/**
 * The tokens for a logged-in user (shared by authorization_code and refresh_token) without a
 * sandbox: which tokens come with which scopes, their lifetimes and claims, and the refusals.
 */
import t from 'tap'
import { CLAIM } from '../../../../server/domain/helseid/claims.js'
import { issueUserTokens, type UserGrant } from '../../../../server/domain/helseid/grants/user-tokens.js'
import { accessTokenHash } from '../../../../server/domain/helseid/token-minter.js'
import { IDENTITY, ISSUER, NOW, NOW_MS, claimsOf, client, grantContext, grantState, refusal } from '../../../support/grants.js'

function grant (patch: Partial<UserGrant> = {}): UserGrant {
  const scopes = patch.scopes ?? ['nhn:kjernejournal/api']
  return { identity: IDENTITY, scopes, consentedScopes: scopes, resources: [], ...patch }
}

t.test('an API scope alone: an access token with user and client claims, nothing else', async (t) => {
  const session = grantState()
  const response = await issueUserTokens(grantContext({ session }), grant(), [])
  t.same(Object.keys(response).sort(), ['access_token', 'expires_in', 'scope', 'token_type'])
  t.match(response, { token_type: 'Bearer', expires_in: 300, scope: 'nhn:kjernejournal/api' })
  const { header, payload } = await claimsOf(response.access_token)
  t.match(header, { kid: 'grant-test', typ: 'at+jwt' })
  t.match(payload, {
    iss: ISSUER,
    aud: 'nhn:kjernejournal',
    iat: NOW,
    exp: NOW + 300,
    client_id: 'acme-ehr',
    sid: 'sid-1',
    auth_time: NOW - 60,
    amr: ['pwd'],
    [CLAIM.pid]: '01887840020',
    [CLAIM.hprNumber]: '900100101',
    [CLAIM.securityLevel]: '4',
    [CLAIM.orgnrParent]: '310001147'
  })
  t.equal(session.refreshTokens.size, 0, 'no refresh token kept')
})

t.test('openid adds an ID token for the client, with the nonce and at_hash, on its own lifetime', async (t) => {
  const response = await issueUserTokens(grantContext(), grant({ scopes: ['openid', 'profile', 'nhn:kjernejournal/api'], nonce: 'n-1' }), [])
  const { header, payload } = await claimsOf(response.id_token as string)
  t.match(header, { kid: 'grant-test', typ: 'JWT' })
  t.match(payload, { iss: ISSUER, aud: 'acme-ehr', nonce: 'n-1', iat: NOW, exp: NOW + 120, sid: 'sid-1', name: 'Ingrid Lege', at_hash: accessTokenHash(response.access_token) })
  t.equal(payload[CLAIM.pid], undefined, 'no pid without its scope')
})

t.test('offline_access adds a refresh token, kept in the session until the chain ends', async (t) => {
  const session = grantState()
  const response = await issueUserTokens(grantContext({ session }), grant({ scopes: ['offline_access', 'nhn:kjernejournal/api'], resources: ['nhn:kjernejournal'] }), [])
  t.equal(response.rt_expires_in, 3600)
  t.same(session.refreshTokens.get(response.refresh_token as string, NOW_MS), {
    clientId: 'acme-ehr', identity: IDENTITY, scopes: ['offline_access', 'nhn:kjernejournal/api'], resources: ['nhn:kjernejournal'], expiresAt: NOW_MS + 3600_000
  })
  const refreshed = await issueUserTokens(grantContext({ session }), grant({ scopes: ['offline_access', 'nhn:kjernejournal/api'], refreshExpiresAt: NOW_MS + 10_999 }), [])
  t.equal(refreshed.rt_expires_in, 10, 'a refresh keeps the chain\'s end, in whole seconds')
  const consentedOnly = await issueUserTokens(grantContext(), grant({ scopes: ['nhn:kjernejournal/api'], consentedScopes: ['offline_access', 'nhn:kjernejournal/api'] }), [])
  t.type(consentedOnly.refresh_token, 'string', 'offline_access granted at login is enough')
})

t.test('narrowTo wins over the login\'s resources; a DPoP key binds the token', async (t) => {
  const scopes = ['nhn:kjernejournal/api', 'nhn:critical-information/api']
  const response = await issueUserTokens(grantContext({ jkt: 'jkt-1' }), grant({ scopes, resources: ['nhn:kjernejournal'] }), ['nhn:critical-information'])
  t.match(response, { token_type: 'DPoP', scope: 'nhn:critical-information/api' })
  t.match((await claimsOf(response.access_token)).payload, { aud: 'nhn:critical-information', cnf: { jkt: 'jkt-1' } })
  const both = await issueUserTokens(grantContext(), grant({ scopes }), [])
  t.same((await claimsOf(both.access_token)).payload.aud, ['nhn:kjernejournal', 'nhn:critical-information'], 'no resource: every API, every audience')
})

t.test('refusals', async (t) => {
  await refusal(t, issueUserTokens(grantContext({ client: client({ scopes: ['openid'] }) }), grant(), []), 'invalid_scope', /'nhn:kjernejournal\/api' is not allowed for client 'acme-ehr'/, 'a scope the client may not have')
  await refusal(t, issueUserTokens(grantContext(), grant(), ['nhn:other']), 'invalid_target', /resource 'nhn:other'/, 'an unknown resource')
})
