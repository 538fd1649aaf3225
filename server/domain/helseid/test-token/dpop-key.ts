/**
 * The key a test DPoP proof is made with: a fresh P-256 key (ES256), or the vendor's own from
 * `dPoPProofParameters.privateKeyForProofCreation` so the vendor can make further proofs for
 * the same token. The token's `cnf.jkt` is this key's thumbprint.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-6.1
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto'
import { calculateJwkThumbprint, type JWK } from 'jose'
import { ASYMMETRIC_ALGS } from '../claims.js'
import { TestTokenError } from './response.js'

export interface ProofKey {
  readonly alg: string
  readonly privateKey: KeyObject
  readonly publicJwk: JWK
  /** RFC 7638 thumbprint of the public key: the token's `cnf.jkt`. */
  readonly jkt: string
}

const EC_ALGS: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }

function invalidKey (why: string): TestTokenError {
  return new TestTokenError(`dPoPProofParameters.privateKeyForProofCreation ${why}`)
}

function importPrivateKey (given: string | Record<string, unknown>): KeyObject {
  try {
    if (typeof given !== 'string') return createPrivateKey({ key: given as JsonWebKey, format: 'jwk' })
    const text = given.trim()
    if (text.startsWith('-----BEGIN')) return createPrivateKey(text)
    return createPrivateKey({ key: JSON.parse(text) as JsonWebKey, format: 'jwk' })
  } catch {
    throw invalidKey('must be a private key: a JWK (with "d") as JSON, or a PKCS#8 PEM')
  }
}

/** The JWK's own `alg` when it fits the key, else the usual one for its type. */
function algorithmOf (key: KeyObject, jwkAlg: unknown): string {
  const type = key.asymmetricKeyType
  const usual = type === 'rsa' ? 'RS256' : type === 'ec' ? EC_ALGS[key.export({ format: 'jwk' }).crv ?? ''] : undefined
  if (usual === undefined) throw invalidKey('must be an RSA or EC (P-256, P-384, P-521) key: HelseID accepts only those for DPoP')
  if (typeof jwkAlg !== 'string') return usual
  const fits = (ASYMMETRIC_ALGS as readonly string[]).includes(jwkAlg) && (type === 'rsa' ? /^(RS|PS)/.test(jwkAlg) : jwkAlg === usual)
  if (!fits) throw invalidKey(`has alg ${jwkAlg}, which does not fit its ${type?.toUpperCase()} key`)
  return jwkAlg
}

function declaredAlg (given: string | Record<string, unknown>): unknown {
  if (typeof given !== 'string') return given.alg
  try {
    return (JSON.parse(given) as Record<string, unknown>).alg
  } catch {
    return undefined
  }
}

export async function proofKey (given?: string | Record<string, unknown>): Promise<ProofKey> {
  let privateKey: KeyObject
  let alg: string
  if (given === undefined || (typeof given === 'string' && given.trim() === '')) {
    privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
    alg = 'ES256'
  } else {
    privateKey = importPrivateKey(given)
    alg = algorithmOf(privateKey, declaredAlg(given))
  }
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK
  return { alg, privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk) }
}
