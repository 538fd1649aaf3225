/**
 * A test token's user claims: the TTT's defaults (a logged-in physician at security level 4,
 * through the test IdP) and/or the claims named by `userClaimsParameters`.
 */
import type { JWTPayload } from 'jose'
import { CLAIM } from '../claims.js'
import { pseudonym, randomId, userClaims } from '../token-minter.js'
import { assuranceLevelOf, type User } from '../../world/users.js'
import { nonEmpty, type ClaimSources } from './generation.js'
import type { UserClaimsParameters } from './request.js'

/** The everyday physician of fixtures/users.json, for a sandbox started without users. */
export const DEFAULT_TEST_USER: User = {
  pid: '01887840020',
  hprNumber: '900100101',
  givenName: 'Ingrid',
  familyName: 'Lege',
  securityLevel: '4',
  network: 'internett',
  idp: 'testidp-oidc',
  registeredInKj: true,
  kjKnowledgeConfirmed: true,
  roles: ['LE'],
  note: 'Physician (LE), security level 4: the everyday user.'
}

export interface UserClaimsContext {
  /** The token's client, for the `sub` pseudonym. */
  readonly clientId: string
  /** Seconds since the epoch, for `auth_time`. */
  readonly now: number
  readonly defaultUser: User
}

function fromParameters (p: UserClaimsParameters): JWTPayload {
  const claims: JWTPayload = {}
  const set = (claim: string, value: string | undefined): void => {
    if (nonEmpty(value)) claims[claim] = value
  }
  set(CLAIM.pid, p.pid)
  set(CLAIM.pidPseudonym, p.pidPseudonym)
  set(CLAIM.hprNumber, p.hprNumber)
  set('name', p.name)
  set('given_name', p.givenName)
  set('middle_name', p.middleName)
  set('family_name', p.familyName)
  set('idp', p.identityProvider)
  set(CLAIM.securityLevel, p.securityLevel)
  set(CLAIM.assuranceLevel, p.assuranceLevel)
  set(CLAIM.network, p.network)
  // HelseID issues amr as a list, as RFC 8176 has it; the parameter holds one value.
  if (nonEmpty(p.amr)) claims.amr = [p.amr]
  set('sub', p.subject)
  set('sid', p.sid)
  return claims
}

export function testUserClaims (sources: ClaimSources, parameters: UserClaimsParameters | undefined, ctx: UserClaimsContext): JWTPayload {
  const defaults = sources.defaults
    ? userClaims({ user: ctx.defaultUser, sid: randomId(), authTime: ctx.now, amr: ['pwd'] }, ctx.clientId)
    : {}
  const given = sources.parameters && parameters !== undefined ? fromParameters(parameters) : {}
  const claims: JWTPayload = { ...defaults, ...given }
  if (sources.defaults) {
    // Keep what the defaults derive in step with a pid or level the parameters changed.
    const pid = given[CLAIM.pid]
    if (typeof pid === 'string' && given.sub === undefined) claims.sub = pseudonym(ctx.clientId, pid)
    const level = given[CLAIM.securityLevel]
    if (typeof level === 'string' && given[CLAIM.assuranceLevel] === undefined) claims[CLAIM.assuranceLevel] = assuranceLevelOf(level)
  }
  return claims
}
