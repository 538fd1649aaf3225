/** The signature cache remembers successes only, by exact token, least recently used first out. */
import t from 'tap'
import { SignJWT, createLocalJWKSet, errors, exportJWK, generateKeyPair } from 'jose'
import { cachedJwsVerifier } from '../../../server/domain/helseid/verified-tokens.js'

const { privateKey, publicKey } = await generateKeyPair('RS256')
const jwk = { ...await exportJWK(publicKey), kid: 'k1', alg: 'RS256' }
const keySet = createLocalJWKSet({ keys: [jwk] })
const sign = async (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' }).sign(privateKey)

t.test('a verified token is remembered and answered from memory', async (t) => {
  const verify = cachedJwsVerifier(keySet, ['RS256'])
  const token = await sign({ sub: 'a' })
  t.equal(verify.known(token), undefined)
  const first = await verify(token)
  t.same(first.payload, { sub: 'a' })
  t.equal(first.header.kid, 'k1')
  t.equal(verify.size, 1)
  t.equal(await verify(token), first, 'the same result object, no second verification')
  t.equal(verify.known(token), first)
  t.ok(Object.isFrozen(first.payload), 'shared results cannot be changed by a caller')
})

t.test('a token altered by one character is verified afresh and fails; failures are not kept', async (t) => {
  const verify = cachedJwsVerifier(keySet, ['RS256'])
  const token = await sign({ sub: 'a' })
  await verify(token)
  const [h, p, s] = token.split('.') as [string, string, string]
  const altered = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`
  await t.rejects(verify(altered), errors.JWSSignatureVerificationFailed)
  await t.rejects(verify(altered), errors.JWSSignatureVerificationFailed, 'still rejected the second time')
  t.equal(verify.size, 1)
  const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url')}.${s}`
  await t.rejects(verify(forged), errors.JWSSignatureVerificationFailed, 'a changed payload under a known signature fails')
})

t.test('a foreign key, a disallowed alg and a non-object payload are rejected like jwtVerify does', async (t) => {
  const verify = cachedJwsVerifier(keySet, ['RS256'])
  const other = await generateKeyPair('RS256')
  const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k2' }).sign(other.privateKey)
  await t.rejects(verify(foreign), errors.JWKSNoMatchingKey)
  const hs = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new Uint8Array(32))
  await t.rejects(verify(hs), errors.JOSEAlgNotAllowed)
  const { CompactSign } = await import('jose')
  const array = await new CompactSign(new TextEncoder().encode('[1,2]')).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey)
  await t.rejects(verify(array), errors.JWTInvalid)
  t.equal(verify.size, 0)
})

t.test('bounded: the least recently used token goes first', async (t) => {
  const verify = cachedJwsVerifier(keySet, ['RS256'], 2)
  const [a, b, c] = await Promise.all([sign({ n: 1 }), sign({ n: 2 }), sign({ n: 3 })])
  await verify(a)
  await verify(b)
  verify.known(a)
  await verify(c)
  t.equal(verify.size, 2)
  t.not(verify.known(a), undefined, 'a was used last, so it stays')
  t.equal(verify.known(b), undefined, 'b was least recently used')
  t.not(verify.known(c), undefined)
})
