/**
 * refresh_token without a sandbox: one-time use, rotated within the chain's absolute lifetime,
 * narrowing but never widening; each refusal with its code.
 */
import t from 'tap'
import { CLAIM } from '../../../../server/domain/helseid/claims.js'
import type { GrantState, RefreshGrant } from '../../../../server/domain/helseid/grants/context.js'
import { refreshTokenGrant } from '../../../../server/domain/helseid/grants/refresh-token.js'
import { IDENTITY, NOW, NOW_MS, claimsOf, client, grantContext, grantState, refusal } from '../../../support/grants.js'

const CHAIN_END = NOW_MS + 1_000_500

/** A session holding refresh token `rt` of acme-ehr, whose chain ends at CHAIN_END. */
function withRefreshToken (patch: Partial<RefreshGrant> = {}): GrantState {
  const session = grantState()
  session.refreshTokens.set('rt', {
    clientId: 'acme-ehr',
    identity: IDENTITY,
    scopes: ['openid', 'offline_access', 'nhn:kjernejournal/api', 'nhn:critical-information/api'],
    resources: ['nhn:kjernejournal'],
    expiresAt: CHAIN_END,
    ...patch
  }, patch.expiresAt ?? CHAIN_END, NOW_MS)
  return session
}

t.test('a refresh rotates the token and keeps the chain\'s end', async (t) => {
  const session = withRefreshToken()
  const response = await refreshTokenGrant(grantContext({ session, params: { refresh_token: 'rt' } }))
  t.match(response, { token_type: 'Bearer', expires_in: 300, scope: 'openid offline_access nhn:kjernejournal/api', rt_expires_in: 1000 })
  t.match((await claimsOf(response.access_token)).payload, { aud: 'nhn:kjernejournal', iat: NOW, [CLAIM.pid]: '01887840020' }, 'the login\'s resource')
  t.type(response.id_token, 'string', 'openid: an ID token')
  t.not(response.refresh_token, 'rt', 'a new refresh token')
  t.equal(session.refreshTokens.get('rt', NOW_MS), undefined, 'the old one is spent')
  t.match(session.refreshTokens.get(response.refresh_token as string, NOW_MS), { expiresAt: CHAIN_END, clientId: 'acme-ehr' }, 'the chain\'s end stays')
  await refusal(t, refreshTokenGrant(grantContext({ session, params: { refresh_token: 'rt' } })), 'invalid_grant', /unknown, expired or already used/, 'the old token again')
})

t.test('scope and resource narrow one token, not the chain', async (t) => {
  const session = withRefreshToken()
  const response = await refreshTokenGrant(grantContext({ session, params: { refresh_token: 'rt', scope: 'nhn:critical-information/api', resource: 'nhn:critical-information' } }))
  t.equal(response.scope, 'nhn:critical-information/api')
  t.equal((await claimsOf(response.access_token)).payload.aud, 'nhn:critical-information')
  t.equal(response.id_token, undefined, 'openid not asked for this time')
  t.type(response.refresh_token, 'string', 'offline_access was granted at login')
  t.same(session.refreshTokens.get(response.refresh_token as string, NOW_MS)?.scopes, ['openid', 'offline_access', 'nhn:kjernejournal/api', 'nhn:critical-information/api'], 'the chain keeps every scope')
})

t.test('refusals', async (t) => {
  await refusal(t, refreshTokenGrant(grantContext({ session: withRefreshToken(), params: {} })), 'invalid_request', /refresh_token is required/, 'no refresh token')
  await refusal(t, refreshTokenGrant(grantContext({ session: withRefreshToken(), params: { refresh_token: 'other' } })), 'invalid_grant', /unknown, expired or already used/, 'an unknown token')
  const late = withRefreshToken()
  late.clock.advance(1_000_500)
  await refusal(t, refreshTokenGrant(grantContext({ session: late, params: { refresh_token: 'rt' } })), 'invalid_grant', /unknown, expired or already used/, 'past the chain\'s end (by the session\'s clock)')
  await refusal(t, refreshTokenGrant(grantContext({ session: withRefreshToken(), client: client({ client_id: 'other-ehr' }), params: { refresh_token: 'rt' } })), 'invalid_grant', /issued to another client/, 'another client')
  const ended = withRefreshToken()
  ended.endedSids.set('sid-1', true, NOW_MS + 60_000, NOW_MS)
  await refusal(t, refreshTokenGrant(grantContext({ session: ended, params: { refresh_token: 'rt' } })), 'invalid_grant', /logged out/, 'the HelseID session has ended')
  await refusal(t, refreshTokenGrant(grantContext({ session: withRefreshToken(), params: { refresh_token: 'rt', scope: 'nhn:kjernejournal/api profile' } })), 'invalid_scope', /'profile' was not granted at login/, 'a scope beyond the login\'s')
  const spent = withRefreshToken()
  await refusal(t, refreshTokenGrant(grantContext({ session: spent, client: client({ client_id: 'other-ehr' }), params: { refresh_token: 'rt' } })), 'invalid_grant', undefined, 'a refused refresh')
  t.equal(spent.refreshTokens.get('rt', NOW_MS), undefined, 'spends the token all the same')
})
