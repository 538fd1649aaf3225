/**
 * Signature checks of the sandbox's own tokens, remembered by the token's exact string. An EHR
 * sends the same access token on every call until it expires, and an RSA verification costs
 * more than the rest of a request together; what a signature proves never changes for the same
 * bytes and the same keys, so the answer is kept. Only successes are kept (a forged token is
 * checked, and fails, every time), claims are never cached (each request checks times, issuer
 * and audience against its own session's clock), and the cache is bounded: least recently used
 * tokens go first.
 */
import { compactVerify, errors, type JWSHeaderParameters, type JWTPayload, type JWTVerifyGetKey } from 'jose'

export interface VerifiedJws {
  readonly header: JWSHeaderParameters
  readonly payload: JWTPayload
}

export interface JwsVerifier {
  (token: string): Promise<VerifiedJws>
  /** The earlier result for exactly this token, if it is still remembered. */
  known(token: string): VerifiedJws | undefined
  readonly size: number
}

/**
 * The tokens in use at once, with room: an EHR's test run holds a handful at a time, a CI run
 * with parallel workers a few dozen. Each keeps about 2.5 KB (the token and its claims); 2,048 of
 * them were 5 MB of live heap in the bench's token and EHR-flow runs, whose tokens are all new. A
 * token past the 256 most recent is verified again (issue 17, bench/analysis.md).
 */
export const VERIFIED_TOKENS_MAX = 256

const decoder = new TextDecoder()

async function verifyOnce (token: string, keySet: JWTVerifyGetKey, algorithms: string[]): Promise<VerifiedJws> {
  const { payload, protectedHeader } = await compactVerify(token, keySet, { algorithms })
  // What jose's jwtVerify adds on top of the signature: a JWT payload is a JSON object, encoded.
  if (protectedHeader.b64 === false) throw new errors.JWTInvalid('JWTs must not use unencoded payload')
  let claims: unknown
  try {
    claims = JSON.parse(decoder.decode(payload))
  } catch {
    throw new errors.JWTInvalid('the JWT claims set is not JSON')
  }
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) throw new errors.JWTInvalid('the JWT claims set must be a JSON object')
  // Frozen: the same object answers every later request with this token.
  return Object.freeze({ header: protectedHeader, payload: Object.freeze(claims) as JWTPayload })
}

/** A verifier for one key set; rejections are jose's errors, as jwtVerify would throw them. */
export function cachedJwsVerifier (keySet: JWTVerifyGetKey, algorithms: string[], max = VERIFIED_TOKENS_MAX): JwsVerifier {
  const verified = new Map<string, VerifiedJws>()
  // The last hit: an EHR sends one token many times in a row, and comparing with it is cheaper
  // than hashing a 2 KB string for the map. It is the most recently used entry already, and what
  // its signature proved still holds for the same bytes and keys even once the map let it go.
  let last: { readonly token: string, readonly hit: VerifiedJws } | undefined
  const known = (token: string): VerifiedJws | undefined => {
    if (last !== undefined && token === last.token) return last.hit
    const hit = verified.get(token)
    if (hit === undefined) return undefined
    // Map order is insertion order: moving a hit to the end makes eviction least-recently-used.
    verified.delete(token)
    verified.set(token, hit)
    last = { token, hit }
    return hit
  }
  const verify = async (token: string): Promise<VerifiedJws> => {
    const hit = known(token)
    if (hit !== undefined) return hit
    const result = await verifyOnce(token, keySet, algorithms)
    if (verified.size >= max) verified.delete(verified.keys().next().value as string)
    verified.set(token, result)
    return result
  }
  return Object.defineProperties(Object.assign(verify, { known }), {
    size: { get: () => verified.size }
  }) as JwsVerifier
}
