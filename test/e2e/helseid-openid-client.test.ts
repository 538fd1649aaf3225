/**
 * A real OAuth/OIDC client library nobody here wrote (openid-client) against the started sandbox:
 * discovery, private_key_jwt, client_credentials, authorization_code + PKCE via PAR and plain
 * authorize, refresh, and DPoP-bound tokens. Every token must verify against the served JWKS.
 */
import t from 'tap'
import * as client from 'openid-client'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { DEMO_CLIENT_ID } from '../helper.js'
import { demoClient, followLogin, REDIRECT_URI } from '../support/openid.js'
import { startSandbox } from '../support/server.js'

async function setup (t: { teardown(fn: () => unknown): void }) {
  const { url } = await startSandbox(t)
  const config = await demoClient(url)
  const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri as string))
  return { url, config, jwks }
}

t.test('discovery and a system token with private_key_jwt', async (t) => {
  const { url, config, jwks } = await setup(t)
  t.equal(config.serverMetadata().issuer, url)
  const tokens = await client.clientCredentialsGrant(config, { scope: 'nhn:kjernejournal/api' })
  t.equal(tokens.token_type, 'bearer')
  const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: url, audience: 'nhn:kjernejournal', typ: 'at+jwt' })
  t.equal(protectedHeader.alg, 'RS256')
  t.match(payload, { client_id: DEMO_CLIENT_ID, 'helseid://claims/client/claims/orgnr_parent': '310001147', client_amr: 'private_key_jwt' })
})

t.test('authorization_code with PKCE through PAR, then refresh', async (t) => {
  const { url, config, jwks } = await setup(t)
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const authorizationUrl = await client.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile offline_access helseid://scopes/identity/pid helseid://scopes/identity/security_level nhn:kjernejournal/api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    test_pid: '01887840020',
    test_security_level: '4'
  })
  const tokens = await client.authorizationCodeGrant(config, await followLogin(authorizationUrl), { pkceCodeVerifier: verifier, expectedState: state })
  const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer: url, audience: 'nhn:kjernejournal' })
  t.match(payload, { 'helseid://claims/identity/pid': '01887840020', 'helseid://claims/identity/security_level': '4', 'helseid://claims/hpr/hpr_number': '900100101' })
  const idClaims = tokens.claims()
  t.match(idClaims, { iss: url, aud: DEMO_CLIENT_ID, 'helseid://claims/identity/pid': '01887840020', name: 'Ingrid Lege' })
  t.ok(tokens.refresh_token)
  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string)
  const again = await jwtVerify(refreshed.access_token, jwks, { issuer: url, audience: 'nhn:kjernejournal' })
  t.equal(again.payload.sid, payload.sid, 'the refresh belongs to the same login')
  t.not(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate')
})

t.test('authorization_code with PKCE on the plain authorize endpoint with login_hint', async (t) => {
  const { config } = await setup(t)
  const verifier = client.randomPKCECodeVerifier()
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid nhn:kjernejournal/api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    login_hint: '900100202',
    nonce: 'nonce-1'
  })
  const tokens = await client.authorizationCodeGrant(config, await followLogin(authorizationUrl), { pkceCodeVerifier: verifier, expectedNonce: 'nonce-1' })
  t.equal(tokens.claims()?.nonce, 'nonce-1')
})

t.test('DPoP-bound tokens: the client handles the nonce challenge by itself', async (t) => {
  const { url, config, jwks } = await setup(t)
  const dpopKeys = await client.randomDPoPKeyPair('ES256')
  const DPoP = client.getDPoPHandle(config, dpopKeys)
  const system = await client.clientCredentialsGrant(config, { scope: 'nhn:kjernejournal/api' }, { DPoP })
  t.equal(system.token_type, 'dpop')
  const { payload } = await jwtVerify(system.access_token, jwks, { issuer: url })
  t.match(payload, { cnf: { jkt: String } })

  const verifier = client.randomPKCECodeVerifier()
  const authorizationUrl = await client.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid offline_access nhn:kjernejournal/api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    test_pid: '15897140001'
  }, { DPoP })
  const user = await client.authorizationCodeGrant(config, await followLogin(authorizationUrl), { pkceCodeVerifier: verifier, idTokenExpected: true }, undefined, { DPoP })
  t.equal(user.token_type, 'dpop')
  const userClaims = (await jwtVerify(user.access_token, jwks, { issuer: url })).payload
  t.same(userClaims.cnf, payload.cnf, 'bound to the same key')
  const refreshed = await client.refreshTokenGrant(config, user.refresh_token as string, undefined, { DPoP })
  t.equal(refreshed.token_type, 'dpop')
  const info = await client.fetchUserInfo(config, refreshed.access_token, client.skipSubjectCheck, { DPoP })
  t.equal(info['helseid://claims/identity/pid'], '15897140001', 'userinfo accepts the DPoP-bound token with a proof')
})
