/**
 * The dashboard's token form (`POST /__admin/tokens`): a user, an organisation, an API and a few
 * switches that break the token on purpose, turned into a request for the test-token service, so
 * a minted token is exactly what a vendor's TTT script would get. Each switch names the code
 * Kjernejournal's REST face answers for it (checked by test/routes/admin/tokens.test.ts).
 */
import { z } from 'zod'
import { isValidNin } from '../../nin.js'
import type { Organisation } from '../../world/organisations.js'
import type { User } from '../../world/users.js'
import { DEFAULT_TEST_CLIENT } from './client-claims.js'

export const QUICK_MINT_FLAGS = ['expired', 'too-long', 'wrong-audience', 'wrong-issuer', 'bad-signature', 'no-scope', 'level-3', 'client-secret'] as const
export type QuickMintFlag = typeof QUICK_MINT_FLAGS[number]

export interface FlagInfo {
  readonly label: string
  /** The error code the REST face (/v1/ping) answers for a token with only this flag. */
  readonly code: string
  /** Only meaningful for a user token. */
  readonly userOnly?: true
}

export const QUICK_MINT_FLAG_INFO: Readonly<Record<QuickMintFlag, FlagInfo>> = {
  expired: { label: 'Expired', code: 'KJF-000198' },
  'too-long': { label: 'Lifetime too long (2 h)', code: 'KJF-000198' },
  'wrong-audience': { label: 'Wrong audience', code: 'KJF-000198' },
  'wrong-issuer': { label: 'Wrong issuer', code: 'KJF-000198' },
  'bad-signature': { label: 'Signed with an unknown key', code: 'KJF-000198' },
  'no-scope': { label: 'No API scope', code: 'KJF-000197' },
  'level-3': { label: 'Security level 3', code: 'KJF-000216', userOnly: true },
  'client-secret': { label: 'Client authenticated with a secret', code: 'KJF-000225' }
}

export const QUICK_MINT_AUDIENCES = ['nhn:kjernejournal', 'nhn:critical-information'] as const

/** A form's empty field means "not given". */
const blankIsAbsent = (value: unknown): unknown => typeof value === 'string' && value.trim() === '' ? undefined : value

export const quickMintSchema = z.object({
  user: z.preprocess(blankIsAbsent, z.string().trim().regex(/^(\d{6,9}|\d{11})$/, 'a national identity number (11 digits) or an HPR number (6-9 digits)')
    .optional()).describe('The user: a pid or HPR number; absent or empty for a system token'),
  organisation: z.preprocess(blankIsAbsent, z.string().trim().regex(/^\d{9}$/, '9 digits').optional())
    .describe('The organisation (a point of care or a legal entity); default the demo EHR\'s'),
  audience: z.enum(QUICK_MINT_AUDIENCES).default('nhn:kjernejournal'),
  flags: z.array(z.enum(QUICK_MINT_FLAGS)).max(QUICK_MINT_FLAGS.length).default([])
}).strict()

export type QuickMint = z.infer<typeof quickMintSchema>

export interface QuickMintWorld {
  readonly users: readonly User[]
  readonly organisations: ReadonlyMap<string, Organisation>
}

export class QuickMintError extends Error {}

/** Lifetime of a `too-long` token: past Kjernejournal's limit (KJ_MAX_TOKEN_LIFETIME). */
export function tooLongLifetime (maxLifetime: number): number {
  return maxLifetime + 3600
}

/**
 * The user part of the TTT request. A fixture user keeps the TTT's default claims (sub, sid, amr,
 * idp, ...) with names and HPR number looked up in the sandbox's registers, as the TTT's switches
 * do; any other valid pid is a person the registers do not know: only pid and security level.
 */
function userPart (user: string, world: QuickMintWorld, flags: ReadonlySet<QuickMintFlag>): Record<string, unknown> {
  const known = world.users.find((u) => u.pid === user || u.hprNumber === user)
  if (known === undefined && !isValidNin(user)) throw new QuickMintError(`user '${user}' is neither a fixture user's pid or HPR number nor a valid national identity number`)
  const securityLevel = flags.has('level-3') ? '3' : known?.securityLevel ?? '4'
  if (known === undefined) return { withoutDefaultUserClaims: true, userClaimsParameters: { pid: user, securityLevel } }
  return {
    userClaimsParameters: { pid: known.pid, securityLevel },
    getPersonFromPersontjenesten: true,
    getHprNumberFromHprregisteret: true
  }
}

/** Legal entity and point of care for an organisation number, as Kjernejournal reads them. */
function organisationClaims (orgnr: string, world: QuickMintWorld): { orgnrParent: string, orgnrChild: string } {
  const known = world.organisations.get(orgnr)
  return { orgnrParent: known?.parent ?? orgnr, orgnrChild: orgnr }
}

/** The TTT request body (see request.ts) for the form's choices. */
export function quickMintRequest (choice: QuickMint, world: QuickMintWorld, maxLifetime: number): Record<string, unknown> {
  const flags = new Set(choice.flags)
  const user = choice.user !== undefined ? userPart(choice.user, world, flags) : undefined
  if (user === undefined && flags.has('level-3')) throw new QuickMintError('level-3 needs a user: a system token has no security level')
  const scope = flags.has('no-scope') ? ['openid'] : [`${choice.audience}/api`]
  const organisation = choice.organisation !== undefined
    ? organisationClaims(choice.organisation, world)
    : { orgnrParent: DEFAULT_TEST_CLIENT.orgnr_parent, orgnrChild: DEFAULT_TEST_CLIENT.orgnr_child as string }
  return {
    audience: choice.audience,
    clientClaimsParameters: {
      scope,
      ...organisation,
      ...(flags.has('client-secret') && { clientAuthenticationMethodsReferences: 'client_secret' })
    },
    ...(user ?? { withoutDefaultUserClaims: true }),
    ...(flags.has('client-secret') && { apiSpecificClaims: [{ type: 'client_amr', value: 'client_secret' }] }),
    ...(flags.has('expired') && { expirationParameters: { setExpirationTimeAsExpired: true } }),
    ...(flags.has('too-long') && !flags.has('expired') && { expirationParameters: { expirationTimeInSeconds: tooLongLifetime(maxLifetime) } }),
    ...(flags.has('wrong-audience') && { setInvalidAudience: true }),
    ...(flags.has('wrong-issuer') && { setInvalidIssuer: true }),
    ...(flags.has('bad-signature') && { signJwtWithInvalidSigningKey: true })
  }
}
