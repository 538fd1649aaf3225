/**
 * The DPoP proof the TTT hands out with a DPoP-bound test token, valid or broken in one of the
 * ways `InvalidDPoPProofParameters` names, so an API can test that it refuses each. Signed by
 * hand (node:crypto), as JOSE libraries rightly refuse to make most of the broken variants.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
import { constants, createHmac, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto'
import { accessTokenHashForDpop } from '../dpop.js'
import type { ProofKey } from './dpop-key.js'
import type { InvalidDpopProofParameters } from './request.js'

export interface ProofRequest {
  readonly key: ProofKey
  readonly htm: string | undefined
  readonly htu: string | undefined
  readonly accessToken: string
  /** Seconds since the epoch, by the clock that judges client-made JWTs. */
  readonly now: number
  readonly invalid: InvalidDpopProofParameters
}

/** Far beyond any proof lifetime and clock skew an API allows (HelseID: seconds). */
const IAT_OFFSET = 3600

function encode (value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function signature (alg: string, key: KeyObject, input: string): Buffer {
  const hash = `sha${alg.slice(2)}`
  const data = Buffer.from(input)
  if (alg.startsWith('ES')) return sign(hash, data, { key, dsaEncoding: 'ieee-p1363' })
  if (alg.startsWith('PS')) return sign(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST })
  return sign(hash, data, key)
}

function header (request: ProofRequest): Record<string, unknown> {
  const { key, invalid } = request
  // The private JWK holds the public members too, and `d` (RSA: also p, q, dp, dq, qi).
  const jwk = invalid === 'SetPrivateKeyInJwkHeader' ? key.privateKey.export({ format: 'jwk' }) : key.publicJwk
  return {
    typ: invalid === 'SetInvalidTypHeaderValue' ? 'JWT' : 'dpop+jwt',
    ...(invalid !== 'DontSetAlgHeader' && { alg: invalid === 'SetAlgHeaderToASymmetricAlgorithm' ? 'HS256' : key.alg }),
    ...(invalid !== 'DontSetJwkHeader' && { jwk })
  }
}

function payload (request: ProofRequest): Record<string, unknown> {
  const { invalid, now } = request
  const iat = invalid === 'SetIatValueInThePast' ? now - IAT_OFFSET : invalid === 'SetIatValueInTheFuture' ? now + IAT_OFFSET : now
  return {
    ...(invalid !== 'DontSetJtiClaim' && { jti: randomUUID() }),
    ...(invalid !== 'DontSetHtmClaimValue' && request.htm !== undefined && { htm: request.htm }),
    ...(invalid !== 'DontSetHtuClaimValue' && request.htu !== undefined && { htu: request.htu }),
    iat,
    ...(invalid !== 'DontSetAthClaimValue' && { ath: accessTokenHashForDpop(request.accessToken) })
  }
}

export function createDpopProof (request: ProofRequest): string {
  const input = `${encode(header(request))}.${encode(payload(request))}`
  let sig: Buffer
  if (request.invalid === 'SetAlgHeaderToASymmetricAlgorithm') {
    sig = createHmac('sha256', randomBytes(32)).update(input).digest()
  } else if (request.invalid === 'SetAnInvalidSignature') {
    // A real signature by the right key, over other bytes: well-formed, and wrong.
    sig = signature(request.key.alg, request.key.privateKey, `${input}.tampered`)
  } else {
    sig = signature(request.key.alg, request.key.privateKey, input)
  }
  return `${input}.${sig.toString('base64url')}`
}
