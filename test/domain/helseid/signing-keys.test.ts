import t from 'tap'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createLocalJWKSet, jwtVerify } from 'jose'
import { loadSigningKeys } from '../../../server/domain/helseid/signing-keys.js'
import { build, ISSUER, tokenRequest } from '../../helper.js'

t.test('KEYS_FILE keeps the signing key, so tokens survive a restart', async (t) => {
  const dir = t.testdir({})
  const keysFile = join(dir, 'state', 'keys.json')
  const first = await build(t, { KEYS_FILE: keysFile })
  const token = (await tokenRequest(first, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })).json().access_token
  await first.close()
  t.equal((await stat(keysFile)).mode & 0o777, 0o600, 'the private key file is readable by its owner only')
  const second = await build(t, { KEYS_FILE: keysFile })
  const jwks = (await second.inject('/.well-known/openid-configuration/jwks')).json()
  await t.resolves(jwtVerify(token, createLocalJWKSet(jwks), { issuer: ISSUER }))
})

t.test('without KEYS_FILE every start has a new key; the invalid key is not published', async (t) => {
  const a = await loadSigningKeys()
  const b = await loadSigningKeys()
  t.not(a.active.kid, b.active.kid)
  const invalid = await a.invalid()
  t.not(invalid.kid, a.active.kid)
  t.equal(await a.invalid(), invalid, 'made once')
  t.notOk(a.jwks.keys.some((k) => k.kid === invalid.kid))
})

t.test('a KEYS_FILE that is not a key set stops start-up with its name', async (t) => {
  const dir = t.testdir({ 'keys.json': JSON.stringify({ keys: [{ kty: 'RSA' }] }) })
  await t.rejects(loadSigningKeys(join(dir, 'keys.json')), /KEYS_FILE .*keys\.json/)
  await writeFile(join(dir, 'keys.json'), 'not json\nat all\n')
  await t.rejects(loadSigningKeys(join(dir, 'keys.json')))
  await t.rejects(loadSigningKeys(join(dir, 'keys.json')), { name: 'ConfigError', message: /^KEYS_FILE .*keys\.json is not valid JSON \(.*\); move it away/s }, 'a setting error (server/main.ts makes it one line)')
  await t.rejects(loadSigningKeys(dir), { name: 'ConfigError', message: /^KEYS_FILE .* cannot be read \(EISDIR\)$/ }, 'a folder')
  t.ok((await readFile(join(dir, 'keys.json'), 'utf8')).length > 0, 'a bad file is never overwritten')
})

t.test('a generated key\'s kid is its RFC 7638 thumbprint, as jose computes it', async (t) => {
  const { calculateJwkThumbprint } = await import('jose')
  const { generatePrivateJwk, rsaThumbprint } = await import('../../../server/domain/helseid/key-generation.js')
  const jwk = await generatePrivateJwk()
  t.equal(jwk.kid, await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n, e: jwk.e }))
  t.equal(rsaThumbprint(jwk), jwk.kid)
  const keys = await loadSigningKeys(undefined, Promise.resolve(jwk))
  t.equal(keys.active.kid, jwk.kid, 'a premade key is used as it is')
  t.same(keys.jwks.keys[0], { kty: 'RSA', n: jwk.n, e: jwk.e, kid: jwk.kid, alg: 'RS256', use: 'sig' }, 'only public members are published')
})
