/**
 * HelseID's signing keys: RS256 with a `kid`, generated at start or kept in KEYS_FILE so tokens
 * stay valid across restarts of a container with a volume. A second, unpublished key signs the
 * test-token service's deliberately invalid tokens; it is made only when first asked for.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { importJWK, type JWK, type CryptoKey } from 'jose'
import { z } from 'zod'
import { ConfigError } from '../../config.js'
import { generatePrivateJwk, type PrivateRsaJwk } from './key-generation.js'

export interface SigningKey {
  readonly kid: string
  readonly alg: 'RS256'
  readonly privateKey: CryptoKey
  readonly publicJwk: JWK
}

export interface SigningKeys {
  readonly active: SigningKey
  /** The published key set (JWKS); never holds private parts. */
  readonly jwks: { keys: JWK[] }
  /** Secret material that lives exactly as long as the signing key, for keys derived from it. */
  readonly secret: string
  /** A key that is not in the JWKS, for tokens meant to fail signature checks. */
  invalid(): Promise<SigningKey>
}

const keysFileSchema = z.object({
  keys: z.array(z.object({ kty: z.literal('RSA'), kid: z.string().min(1), d: z.string().min(1) }).loose()).min(1)
})

async function generate (premade?: Promise<PrivateRsaJwk>): Promise<{ key: SigningKey, privateJwk: JWK }> {
  const privateJwk: JWK = { ...await (premade ?? generatePrivateJwk()) }
  return { key: await fromPrivateJwk(privateJwk as JWK & { kid: string }), privateJwk }
}

async function fromPrivateJwk (jwk: JWK & { kid: string }): Promise<SigningKey> {
  const privateKey = await importJWK(jwk, 'RS256') as CryptoKey
  const { kty, n, e, kid } = jwk
  return { kid, alg: 'RS256', privateKey, publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' } }
}

/** A KEYS_FILE the sandbox cannot use is a setting error: one line at start-up, naming the file. */
async function readKeysFile (file: string): Promise<{ key: SigningKey, privateJwk: JWK } | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new ConfigError(`KEYS_FILE ${file} cannot be read (${code ?? (err as Error).message})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ConfigError(`KEYS_FILE ${file} is not valid JSON (${(err as Error).message}); move it away and the sandbox writes a new key there`)
  }
  const parsed = keysFileSchema.safeParse(json)
  if (!parsed.success) throw new ConfigError(`KEYS_FILE ${file} is not a key set the sandbox wrote: ${parsed.error.issues[0]?.message}`)
  const privateJwk = parsed.data.keys[0] as JWK & { kid: string }
  try {
    return { key: await fromPrivateJwk(privateJwk), privateJwk }
  } catch (err) {
    throw new ConfigError(`KEYS_FILE ${file} holds a key that cannot be used (${(err as Error).message})`)
  }
}

/** Writes atomically (temp file + rename) so a crash never leaves half a key file. */
async function writeKeysFile (file: string, privateJwk: JWK): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const tmp = `${file}.${randomUUID()}.tmp`
  await writeFile(tmp, JSON.stringify({ keys: [privateJwk] }, null, 2) + '\n', { mode: 0o600 })
  await rename(tmp, file)
}

/**
 * The keys from KEYS_FILE, or new ones. `premade` is a key whose generation the caller started
 * earlier (the command line starts it before loading the sandbox); used only when a new key is needed.
 */
export async function loadSigningKeys (keysFile?: string, premade?: Promise<PrivateRsaJwk>): Promise<SigningKeys> {
  let loaded = keysFile !== undefined ? await readKeysFile(keysFile) : undefined
  if (loaded === undefined) {
    loaded = await generate(premade)
    if (keysFile !== undefined) await writeKeysFile(keysFile, loaded.privateJwk)
  }
  const active = loaded.key
  let invalid: Promise<SigningKey> | undefined
  return {
    active,
    jwks: { keys: [active.publicJwk] },
    secret: loaded.privateJwk.d as string,
    invalid: () => (invalid ??= generate().then((made) => made.key))
  }
}
