import t from 'tap'
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose'
import { AssertionPool, BENCH_CLIENT_ID, benchClient, describePool, tokenForm } from '../../bench/assertions.js'

t.test('a token request with an ES256 client assertion the registered public key verifies', async (t) => {
  const client = benchClient()
  const jwks = client.registration.jwks as { keys: JWK[] }
  t.notOk('d' in (jwks.keys[0] as object), 'only the public half is registered')
  const form = new URLSearchParams(tokenForm(client, 'http://127.0.0.1:1/connect/token', 'nhn:kjernejournal/api'))
  t.equal(form.get('grant_type'), 'client_credentials')
  t.equal(form.get('client_assertion_type'), 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
  const { payload, protectedHeader } = await jwtVerify(form.get('client_assertion') as string, createLocalJWKSet(jwks), {
    issuer: BENCH_CLIENT_ID, subject: BENCH_CLIENT_ID, audience: 'http://127.0.0.1:1/connect/token', algorithms: ['ES256']
  })
  t.equal(protectedHeader.kid, jwks.keys[0]?.kid)
  t.ok((payload.exp as number) - (payload.iat as number) <= 60, 'within the sandbox\'s 60 s assertion lifetime')
  const again = new URLSearchParams(tokenForm(client, 'a', 's')).get('client_assertion') as string
  t.not(JSON.parse(Buffer.from(again.split('.')[1] as string, 'base64url').toString()).jti, payload.jti, 'a fresh jti each time')
})

t.test('the pool hands out pre-signed requests, then signs on the spot and counts it', async (t) => {
  let made = 0
  const pool = new AssertionPool(() => `form-${++made}`)
  pool.fill(2)
  t.same([pool.take(), pool.take()], ['form-1', 'form-2'], 'oldest first: they expire first')
  t.equal(pool.take(), 'form-3', 'empty: signed on the spot')
  t.match(pool.stats(), { presigned: 2, signedDuringRun: 1 })
  t.match(describePool(pool.stats(), 10), /2 pre-signed before the run in \d+ ms .*; 1 signed during the run by the load generator/)
  pool.fill(1)
  t.match(pool.stats(), { presigned: 1, signedDuringRun: 0 }, 'a new fill starts new counts')
})
