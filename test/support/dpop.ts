/** DPoP proofs as a client makes them (RFC 9449), with knobs to break them. */
import { randomUUID } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair, calculateJwkThumbprint, type CryptoKey, type JWK } from 'jose'
import { accessTokenHashForDpop } from '../../server/domain/helseid/dpop.js'

export interface DpopKey {
  privateKey: CryptoKey
  publicJwk: JWK
  jkt: string
}

export async function dpopKey (): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const publicJwk = await exportJWK(publicKey)
  return { privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk) }
}

export interface ProofOptions {
  htm?: string
  htu: string
  nonce?: string
  accessToken?: string
  jti?: string
  iat?: number
  typ?: string
}

export async function dpopProof (key: DpopKey, options: ProofOptions): Promise<string> {
  const payload: Record<string, unknown> = { htm: options.htm ?? 'POST', htu: options.htu }
  if (options.nonce !== undefined) payload.nonce = options.nonce
  if (options.accessToken !== undefined) payload.ath = accessTokenHashForDpop(options.accessToken)
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: options.typ ?? 'dpop+jwt', jwk: key.publicJwk })
    .setIssuedAt(options.iat ?? Math.floor(Date.now() / 1000))
    .setJti(options.jti ?? randomUUID())
    .sign(key.privateKey)
}
