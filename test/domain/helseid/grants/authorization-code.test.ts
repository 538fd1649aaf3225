/**
 * authorization_code without a sandbox: a code from the session's store is redeemed once, with
 * PKCE, by its client at its redirect URI, and becomes user tokens; each refusal with its code.
 */
import t from 'tap'
import { pkceChallengeOf, type AuthorizationRequest } from '../../../../server/domain/helseid/authorization.js'
import { CLAIM } from '../../../../server/domain/helseid/claims.js'
import { authorizationCodeGrant } from '../../../../server/domain/helseid/grants/authorization-code.js'
import type { GrantState, TokenParams } from '../../../../server/domain/helseid/grants/context.js'
import { IDENTITY, ISSUER, NOW, NOW_MS, claimsOf, client, grantContext, grantState, refusal } from '../../../support/grants.js'

const VERIFIER = 'a-pkce-verifier-of-forty-three-characters-xx'
const REDIRECT = 'https://ehr.example/callback'

/** A session holding code `code`, issued to acme-ehr at NOW for a minute. */
function withCode (request: Partial<AuthorizationRequest> = {}): GrantState {
  const session = grantState()
  session.codes.set('code', {
    request: {
      clientId: 'acme-ehr',
      redirectUri: REDIRECT,
      scopes: ['openid', 'profile', 'offline_access', 'nhn:kjernejournal/api'],
      resources: [],
      codeChallenge: pkceChallengeOf(VERIFIER),
      nonce: 'n-1',
      ...request
    },
    identity: IDENTITY
  }, NOW_MS + 60_000, NOW_MS)
  return session
}

const redeem: TokenParams = { code: 'code', redirect_uri: REDIRECT, code_verifier: VERIFIER }

t.test('a code becomes an access token, an ID token and a refresh token, once', async (t) => {
  const session = withCode()
  const response = await authorizationCodeGrant(grantContext({ session, params: redeem }))
  t.match(response, { token_type: 'Bearer', expires_in: 300, scope: 'openid profile offline_access nhn:kjernejournal/api', rt_expires_in: 3600 })
  t.match((await claimsOf(response.access_token)).payload, {
    iss: ISSUER, aud: 'nhn:kjernejournal', iat: NOW, exp: NOW + 300, client_id: 'acme-ehr', sid: 'sid-1', [CLAIM.pid]: '01887840020', [CLAIM.hprNumber]: '900100101'
  })
  t.match((await claimsOf(response.id_token as string)).payload, { iss: ISSUER, aud: 'acme-ehr', nonce: 'n-1', exp: NOW + 120, given_name: 'Ingrid' })
  t.match(session.refreshTokens.get(response.refresh_token as string, NOW_MS), {
    clientId: 'acme-ehr', identity: IDENTITY, scopes: ['openid', 'profile', 'offline_access', 'nhn:kjernejournal/api'], resources: [], expiresAt: NOW_MS + 3600_000
  })
  t.equal(session.codes.size, 0, 'the code is spent')
  await refusal(t, authorizationCodeGrant(grantContext({ session, params: redeem })), 'invalid_grant', /unknown, expired or already used/, 'the same code again')
})

t.test('resource narrows the token; a DPoP-bound code needs a proof with its key', async (t) => {
  const narrowed = await authorizationCodeGrant(grantContext({
    session: withCode({ scopes: ['openid', 'nhn:kjernejournal/api', 'nhn:critical-information/api'] }),
    params: { ...redeem, resource: 'nhn:critical-information' }
  }))
  t.equal(narrowed.scope, 'openid nhn:critical-information/api')
  t.equal(narrowed.refresh_token, undefined, 'no offline_access, no refresh token')
  const bound = await authorizationCodeGrant(grantContext({ session: withCode({ dpopJkt: 'jkt-1' }), jkt: 'jkt-1', params: redeem }))
  t.equal(bound.token_type, 'DPoP')
  t.match((await claimsOf(bound.access_token)).payload, { cnf: { jkt: 'jkt-1' } })
})

t.test('refusals', async (t) => {
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode(), params: { ...redeem, code: '' } })), 'invalid_request', /code is required/, 'no code')
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode(), params: { ...redeem, code: 'other' } })), 'invalid_grant', /unknown, expired or already used/, 'an unknown code')
  const late = withCode()
  late.clock.advance(60_000)
  await refusal(t, authorizationCodeGrant(grantContext({ session: late, params: redeem })), 'invalid_grant', /unknown, expired or already used/, 'an expired code (by the session\'s clock)')
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode(), client: client({ client_id: 'other-ehr' }), params: redeem })), 'invalid_grant', /issued to another client/, 'another client')
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode(), params: { ...redeem, redirect_uri: 'https://ehr.example/other' } })), 'invalid_grant', /redirect_uri differs/, 'another redirect URI')
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode(), params: { ...redeem, code_verifier: undefined } })), 'invalid_grant', /code_verifier is required/, 'no PKCE verifier')
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode(), params: { ...redeem, code_verifier: `${VERIFIER}x` } })), 'invalid_grant', /does not match the code_challenge/, 'a wrong PKCE verifier')
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode({ dpopJkt: 'jkt-1' }), params: redeem })), 'invalid_dpop_proof', /bound to a DPoP key/, 'a DPoP-bound code without a proof')
  await refusal(t, authorizationCodeGrant(grantContext({ session: withCode({ dpopJkt: 'jkt-1' }), jkt: 'jkt-2', params: redeem })), 'invalid_dpop_proof', /bound to a DPoP key/, 'a DPoP-bound code with another key')
  const spent = withCode()
  await refusal(t, authorizationCodeGrant(grantContext({ session: spent, client: client({ client_id: 'other-ehr' }), params: redeem })), 'invalid_grant', undefined, 'a refused redemption')
  await refusal(t, authorizationCodeGrant(grantContext({ session: spent, params: redeem })), 'invalid_grant', /already used/, 'spends the code all the same')
})
