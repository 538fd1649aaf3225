/** DPoP proofs as a client makes them (RFC 9449), with knobs to break them. */
import { randomUUID } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair, calculateJwkThumbprint, type CryptoKey, type JWK } from 'jose'
import type { FastifyInstance } from 'fastify'
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

export interface ExportableDpopKey extends DpopKey {
  privateJwk: JWK
}

/** A client's DPoP key whose private half the test-token service can bind a token to. */
export async function exportableDpopKey (): Promise<ExportableDpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  const publicJwk = await exportJWK(publicKey)
  return { privateKey, publicJwk, privateJwk: await exportJWK(privateKey), jkt: await calculateJwkThumbprint(publicJwk) }
}

/** A DPoP-bound user token for the critical-information API from the test-token service, bound to `key` (its proof for GET `htu`). */
export async function boundCiToken (app: FastifyInstance, key: ExportableDpopKey, htu: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/v2/create-test-token-with-key',
    payload: {
      audience: 'nhn:critical-information',
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htuClaimValue: htu, htmClaimValue: 'GET', privateKeyForProofCreation: JSON.stringify(key.privateJwk) },
      clientClaimsParameters: { scope: ['nhn:critical-information/api'] },
      userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }
    }
  })
  if (res.statusCode !== 200) throw new Error(`the test-token service answered ${res.statusCode}: ${res.body}`)
  return res.json().successResponse.accessTokenJwt as string
}
