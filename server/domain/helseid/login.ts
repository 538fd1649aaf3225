/**
 * Who logs in: a fixture user picked on the login page, or one named by the HelseID test-IdP
 * hints (`test_pid`, `test_security_level`) or by `login_hint` (a pid or an HPR number), which
 * skip the page so tests and CI run without a browser.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/identitetsleverandoerer/styre_innlogging_i_helseid_enmd
 */
import { randomId, type LoginIdentity } from './token-minter.js'
import { isValidNin } from '../nin.js'
import type { User } from '../world/users.js'
import { OAuthError } from './oauth-error.js'
import type { AuthorizationRequest } from './authorization.js'

function findUser (users: readonly User[], hint: string): User | undefined {
  return users.find((u) => u.pid === hint || u.hprNumber === hint)
}

/** A person the test IdP knows only by number: no HPR authorisation, as in HelseID's test IdP. */
export function adHocUser (pid: string, securityLevel: '3' | '4'): User {
  return { pid, givenName: 'Test', familyName: `Person ${pid.slice(-5)}`, securityLevel, network: 'internett', idp: 'testidp-oidc', roles: [], registeredInKj: false, kjKnowledgeConfirmed: false, note: 'ad hoc test-IdP login' }
}

function securityLevelHint (value: string | undefined): '3' | '4' | undefined {
  if (value === undefined) return undefined
  if (value === '3' || value === '4') return value
  throw new OAuthError('invalid_request', 'test_security_level must be 3 or 4')
}

/**
 * Resolves the hints of a request to a user, or undefined when the login page must ask.
 * Precedence: test_pid, then login_hint (fixture pid or HPR number, else any valid pid).
 */
export function userFromHints (request: AuthorizationRequest, users: readonly User[]): User | undefined {
  const level = securityLevelHint(request.testSecurityLevel)
  const pid = request.testPid ?? request.loginHint
  if (pid === undefined) return undefined
  const known = findUser(users, pid)
  if (known !== undefined) return level !== undefined ? { ...known, securityLevel: level } : known
  if (isValidNin(pid)) return adHocUser(pid, level ?? '4')
  if (request.testPid !== undefined) throw new OAuthError('invalid_request', 'test_pid is not a valid national identity number')
  return undefined
}

export function newLogin (user: User, nowSeconds: number): LoginIdentity {
  return { user, sid: randomId(), authTime: nowSeconds, amr: ['pwd'] }
}
