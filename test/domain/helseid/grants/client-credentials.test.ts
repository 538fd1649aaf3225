/** client_credentials without a sandbox: the system token's claims, and each refusal with its code. */
import t from 'tap'
import { CLAIM } from '../../../../server/domain/helseid/claims.js'
import { clientCredentialsGrant } from '../../../../server/domain/helseid/grants/client-credentials.js'
import { ISSUER, NOW, claimsOf, client, grantContext, grantState, refusal } from '../../../support/grants.js'

t.test('a system token for one API: client claims only, stamped by the session\'s clock, signed with the given key', async (t) => {
  const response = await clientCredentialsGrant(grantContext({ params: { scope: 'nhn:kjernejournal/api' } }))
  t.same(Object.keys(response).sort(), ['access_token', 'expires_in', 'scope', 'token_type'], 'no ID token, no refresh token')
  t.match(response, { token_type: 'Bearer', expires_in: 300, scope: 'nhn:kjernejournal/api' })
  const { header, payload } = await claimsOf(response.access_token)
  t.match(header, { alg: 'RS256', kid: 'grant-test', typ: 'at+jwt' })
  t.match(payload, {
    iss: ISSUER,
    aud: 'nhn:kjernejournal',
    iat: NOW,
    nbf: NOW,
    exp: NOW + 300,
    scope: ['nhn:kjernejournal/api'],
    client_id: 'acme-ehr',
    [CLAIM.orgnrParent]: '310001147',
    [CLAIM.orgnrChild]: '310001295',
    [CLAIM.clientAmr]: 'client_secret'
  })
  t.equal(payload[CLAIM.pid], undefined, 'no user claims')
  t.equal(payload.cnf, undefined, 'not DPoP-bound')
})

t.test('a DPoP proof\'s key binds the token; a moved clock moves the stamps', async (t) => {
  const session = grantState()
  session.clock.advance(60_000)
  const response = await clientCredentialsGrant(grantContext({ session, jkt: 'thumbprint', params: { scope: 'nhn:kjernejournal/api' } }))
  t.equal(response.token_type, 'DPoP')
  t.match((await claimsOf(response.access_token, session.clock.now())).payload, { cnf: { jkt: 'thumbprint' }, iat: NOW + 60, exp: NOW + 360 })
})

t.test('without scope: every API scope the client may have; resource narrows to one API', async (t) => {
  const all = await clientCredentialsGrant(grantContext())
  t.equal(all.scope, 'nhn:kjernejournal/api nhn:kjernejournal/innlogging nhn:kjernejournal/tillitsrammeverk nhn:critical-information/api', 'no identity scope')
  t.same((await claimsOf(all.access_token)).payload.aud, ['nhn:kjernejournal', 'nhn:critical-information'], 'two APIs, two audiences')
  const narrowed = await clientCredentialsGrant(grantContext({ params: { scope: 'nhn:kjernejournal/api nhn:critical-information/api', resource: 'nhn:critical-information' } }))
  t.equal(narrowed.scope, 'nhn:critical-information/api')
  t.equal((await claimsOf(narrowed.access_token)).payload.aud, 'nhn:critical-information')
  const own = await clientCredentialsGrant(grantContext({ client: client({ scopes: ['nhn:kjernejournal/api', 'openid'] }) }))
  t.equal(own.scope, 'nhn:kjernejournal/api', 'a registered scope list: its API scopes')
})

t.test('refusals', async (t) => {
  await refusal(t, clientCredentialsGrant(grantContext({ params: { scope: 'openid nhn:kjernejournal/api' } })), 'invalid_scope', /'openid' needs a logged-in user/, 'an identity scope')
  await refusal(t, clientCredentialsGrant(grantContext({ client: client({ scopes: ['nhn:kjernejournal/api'] }), params: { scope: 'nhn:critical-information/api' } })), 'invalid_scope', /not allowed for client 'acme-ehr'/, 'a scope the client may not have')
  await refusal(t, clientCredentialsGrant(grantContext({ params: { scope: 'nhn:kjernejournal/api', resource: 'nhn:other' } })), 'invalid_target', /resource 'nhn:other'/, 'an unknown resource')
  await refusal(t, clientCredentialsGrant(grantContext({ params: { scope: 'nhn:kjernejournal/api', resource: 'nhn:critical-information' } })), 'invalid_scope', /no API scope requested/, 'a resource that leaves no scope')
  await refusal(t, clientCredentialsGrant(grantContext({ client: client({ scopes: ['openid'] }) })), 'invalid_scope', /no API scope requested/, 'a client with no API scope')
})
