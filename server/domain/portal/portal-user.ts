/**
 * How the portal judges who is opening it, with the portal's AUT codes (seed 000, reference
 * §4.3). The order follows what each code says it is about: a person HPR does not know (AUT_108),
 * a user Kjernejournal has not registered (AUT_000 on the ticket page, AUT_101 in Kjernejournal
 * Innlogging), no HPR role Kjernejournal grants (AUT_128), and, in Innlogging, acting in a role
 * the user does not hold for the organisation (AUT_104). The organisation the ticket or token
 * names must be one Kjernejournal has active with an agreement (AUT_146).
 */
import { KJ_GRANTED_ROLES } from '../critical-info/access.js'
import { KjError } from '../kj-error.js'
import { registerOrganisationHint } from '../kjernejournal/organisation-access.js'
import type { Organisation } from '../world/organisations.js'
import { adHocUser, type User } from '../world/users.js'

export type PortalFlow = 'ticket' | 'innlogging'

export interface PortalIdentity {
  readonly pid?: string
  readonly hprNumber?: string
}

/** A fixture user by national identity number or HPR number (the login form and login_hint take either). */
export function findUser (users: readonly User[], hint: string): User | undefined {
  return users.find((u) => u.pid === hint) ?? users.find((u) => u.hprNumber !== undefined && u.hprNumber === hint)
}

export function checkPortalUser (identity: PortalIdentity, users: readonly User[], flow: PortalFlow): User {
  const pid = identity.pid
  if (pid === undefined || pid === '') throw new KjError('AUT_108', 'no user identity came with the login')
  const known = findUser(users, pid)
  if (known === undefined && identity.hprNumber === undefined) {
    throw new KjError('AUT_108', `${pid} is not a user the HPR registry stand-in knows (fixtures/users.json)`)
  }
  const user = known ?? adHocUser(pid, identity.hprNumber as string)
  if (user.hprNumber === undefined) throw new KjError('AUT_108', `${user.givenName} ${user.familyName} (${user.pid}) has no HPR number`)
  if (!user.registeredInKj) {
    throw new KjError(flow === 'ticket' ? 'AUT_000' : 'AUT_101', `${user.givenName} ${user.familyName} is not registered in Kjernejournal (registeredInKj: false)`)
  }
  if (!user.roles.some((r) => KJ_GRANTED_ROLES.has(r))) {
    throw new KjError('AUT_128', `HPR roles ${user.roles.join(', ') || '(none)'} are not granted access to Kjernejournal`)
  }
  return user
}

/** Innlogging: the role the EHR says the user acts in must be one the user holds and Kjernejournal grants. */
export function checkActingRole (user: User, role: string): void {
  if (!user.roles.includes(role)) {
    throw new KjError('AUT_104', `the EHR sent practitioner_authorization ${role}, but the user holds ${user.roles.join(', ') || 'no role'}`)
  }
  if (!KJ_GRANTED_ROLES.has(role)) throw new KjError('AUT_104', `the HPR role ${role} is not granted access from this organisation`)
}

/** The first of the organisation numbers Kjernejournal knows; it must be active and have an agreement. */
export function checkPortalOrganisation (orgnrs: readonly string[], organisations: ReadonlyMap<string, Organisation>): Organisation {
  const found = orgnrs.map((o) => organisations.get(o)).find((o) => o !== undefined)
  if (found === undefined) {
    const err = new KjError('AUT_146', `organisation ${orgnrs.join(' / ')} is unknown to Kjernejournal`)
    throw orgnrs[0] !== undefined ? err.withSandboxHint(registerOrganisationHint(orgnrs[0])) : err
  }
  if (!found.active) throw new KjError('AUT_146', `organisation ${found.orgnr} (${found.name}) is not active`)
  if (!found.access) throw new KjError('AUT_146', `organisation ${found.orgnr} (${found.name}) has no Kjernejournal agreement`)
  return found
}
