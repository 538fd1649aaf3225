/**
 * RSA-2048 key generation with node:crypto alone. It costs a few hundred milliseconds of CPU
 * (0.1-0.8 s, random), the largest single item of start-up; this module imports nothing heavy so
 * the command line can start it first, on libuv's thread pool, while the main thread loads the
 * rest of the sandbox (see server/main.ts).
 */
import { createHash, generateKeyPair } from 'node:crypto'

export interface PrivateRsaJwk {
  readonly kty: 'RSA'
  readonly kid: string
  readonly alg: 'RS256'
  readonly use: 'sig'
  readonly n: string
  readonly e: string
  readonly d: string
  readonly p: string
  readonly q: string
  readonly dp: string
  readonly dq: string
  readonly qi: string
}

/** RFC 7638 thumbprint of an RSA key: SHA-256 over the required members in lexicographic order. */
export function rsaThumbprint (jwk: { readonly e: string, readonly n: string }): string {
  return createHash('sha256').update(`{"e":"${jwk.e}","kty":"RSA","n":"${jwk.n}"}`).digest('base64url')
}

export function generatePrivateJwk (): Promise<PrivateRsaJwk> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, _publicKey, privateKey) => {
      if (err !== null) return reject(err)
      const jwk = privateKey.export({ format: 'jwk' }) as Omit<PrivateRsaJwk, 'kid' | 'alg' | 'use'>
      resolve({ ...jwk, kty: 'RSA', kid: rsaThumbprint(jwk), alg: 'RS256', use: 'sig' })
    })
  })
}
