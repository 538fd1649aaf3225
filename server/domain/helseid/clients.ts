/**
 * HelseID clients known to the sandbox: from fixtures and from `POST /__admin/clients`.
 * A client authenticates with a key (private_key_jwt, as HelseID requires) or, to let vendors
 * see Kjernejournal refuse it (KJF-000225), with a client secret.
 */
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose'
import { z } from 'zod'
import { isValidOrgnr } from '../orgnr.js'

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const

const publicJwkSchema = z.object({
  kty: z.enum(['RSA', 'EC'], { message: 'kty must be RSA or EC (HelseID accepts asymmetric keys only)' }),
  kid: z.string().optional(),
  alg: z.string().optional()
}).loose().refine(
  (jwk) => PRIVATE_MEMBERS.every((m) => !(m in jwk)),
  'a private key was sent: register the PUBLIC key only (drop d, p, q, dp, dq, qi)'
)

const orgnr = z.string().refine(isValidOrgnr, 'expected a valid 9-digit organisation number')

export const clientRegistrationSchema = z.object({
  client_id: z.string().min(1).max(200).regex(/^[\w.:@-]+$/, 'letters, digits and . : @ _ - only'),
  client_name: z.string().min(1).max(200).optional(),
  jwks: z.object({ keys: z.array(publicJwkSchema).min(1) }).optional(),
  client_secret: z.string().min(8, 'a client secret needs at least 8 characters').optional(),
  orgnr_parent: orgnr,
  /** Compatibility: a point of care put in every token the EHR sends no structure for (the journal flags it). */
  orgnr_child: orgnr.optional(),
  orgnr_supplier: orgnr.optional(),
  /** HelseID's client tenancy; multi-tenant clients name the parent in every request. Default: multi when orgnr_supplier is set. */
  tenancy: z.enum(['single', 'multi']).optional(),
  /** Multi-tenant only: the legal entities the client may represent (HelseID checks Altinn delegations). Default: [orgnr_parent]. */
  represents: z.array(orgnr).min(1).max(1000).optional(),
  scopes: z.array(z.string().min(1)).optional(),
  redirect_uris: z.array(z.url()).optional(),
  post_logout_redirect_uris: z.array(z.url()).optional()
}).strict().refine(
  (c) => (c.jwks === undefined) !== (c.client_secret === undefined),
  { message: 'give exactly one of jwks (private_key_jwt, what HelseID requires) or client_secret', path: ['jwks'] }
).refine(
  (c) => c.represents === undefined || tenancyOf(c) === 'multi',
  { message: 'represents is for multi-tenant clients (tenancy: "multi")', path: ['represents'] }
)

/** A client's tenancy: as registered, else multi-tenant when a supplier is named (HelseID's SaaS setup). */
export function tenancyOf (c: { tenancy?: 'single' | 'multi' | undefined, orgnr_supplier?: string | undefined }): 'single' | 'multi' {
  return c.tenancy ?? (c.orgnr_supplier !== undefined ? 'multi' : 'single')
}

/** The legal entities a multi-tenant client may name as its parent. */
export function representedBy (c: { represents?: readonly string[] | undefined, orgnr_parent: string }): readonly string[] {
  return c.represents ?? [c.orgnr_parent]
}

export type ClientRegistration = z.infer<typeof clientRegistrationSchema>

export interface Client extends ClientRegistration {
  readonly authMethod: 'private_key_jwt' | 'client_secret'
  /** Resolves a client-assertion signing key; imported once at registration. */
  readonly keySet?: JWTVerifyGetKey
}

export function toClient (registration: ClientRegistration): Client {
  if (registration.jwks !== undefined) {
    return { ...registration, authMethod: 'private_key_jwt', keySet: createLocalJWKSet({ keys: registration.jwks.keys as JWK[] }) }
  }
  return { ...registration, authMethod: 'client_secret' }
}

/** What the admin API shows of a client: never the secret. */
export function describeClient (client: Client): Omit<ClientRegistration, 'client_secret'> & { token_endpoint_auth_method: string } {
  const { client_secret: _secret, authMethod, keySet: _keys, ...rest } = client
  return { ...rest, token_endpoint_auth_method: authMethod === 'private_key_jwt' ? 'private_key_jwt' : 'client_secret_post' }
}

/** Clients the admin API may hold in all: far above any team's needs, short of a memory leak. */
export const MAX_CLIENTS = 10_000

export class ClientRegistry {
  readonly #clients = new Map<string, Client>()

  get size (): number {
    return this.#clients.size
  }

  get (clientId: string): Client | undefined {
    return this.#clients.get(clientId)
  }

  has (clientId: string): boolean {
    return this.#clients.has(clientId)
  }

  list (): Client[] {
    return [...this.#clients.values()]
  }

  /** Adds or replaces a client and returns it. */
  put (registration: ClientRegistration): Client {
    const client = toClient(registration)
    this.#clients.set(client.client_id, client)
    return client
  }

  delete (clientId: string): boolean {
    return this.#clients.delete(clientId)
  }
}
