/**
 * The TTT's switches that work from the token's pid: names from Persontjenesten, the HPR number
 * from HPR, a pid pseudonym and a `sub`. The real TTT asks the national test registers; the
 * sandbox asks its own people (the users fixture), so the answers match what its APIs know, and
 * makes up a person (with an HPR number) for any other valid pid, as the real registers know
 * far more people than the fixtures.
 */
import type { JWTPayload } from 'jose'
import { CLAIM } from '../claims.js'
import { pseudonym } from '../token-minter.js'
import { fullName, type User } from '../../world/users.js'
import type { TestTokenRequest } from './request.js'
import { TestTokenError } from './response.js'
import { synthesisedPerson } from './synthesised-person.js'

type PersonSwitch = 'getPersonFromPersontjenesten' | 'getHprNumberFromHprregisteret' | 'setPidPseudonym' | 'setSubject'

const SWITCHES: readonly PersonSwitch[] = ['getPersonFromPersontjenesten', 'getHprNumberFromHprregisteret', 'setPidPseudonym', 'setSubject']

function lookUp (people: readonly User[], pid: string, asker: PersonSwitch): User {
  const person = people.find((p) => p.pid === pid) ?? synthesisedPerson(pid)
  if (person === undefined) {
    throw new TestTokenError(`${asker}: no person has pid ${pid}: it is not a valid national identity number`)
  }
  return person
}

/** Told when the HPR number asked for is one the sandbox synthesised (the pid is in no fixture). */
export type SynthesisedHprObserver = (pid: string, hprNumber: string) => void

/** Returns the claims with the switches of the request applied. */
export function applyPersonSwitches (claims: JWTPayload, request: TestTokenRequest, people: readonly User[], clientId: string, onSynthesisedHpr?: SynthesisedHprObserver): JWTPayload {
  const asked = SWITCHES.filter((name) => request[name] === true)
  if (asked.length === 0) return claims
  const pid = claims[CLAIM.pid]
  if (typeof pid !== 'string') {
    throw new TestTokenError(`${asked.join(' and ')} ${asked.length > 1 ? 'need' : 'needs'} a pid: give userClaimsParameters.pid or keep the default user claims`)
  }
  const out: JWTPayload = { ...claims }
  if (request.getPersonFromPersontjenesten === true) {
    const person = lookUp(people, pid, 'getPersonFromPersontjenesten')
    out.name = fullName(person)
    if (request.onlySetNameForPerson !== true) {
      out.given_name = person.givenName
      out.family_name = person.familyName
      if (person.middleName !== undefined) out.middle_name = person.middleName
      else delete out.middle_name
    }
  }
  if (request.getHprNumberFromHprregisteret === true) {
    const person = lookUp(people, pid, 'getHprNumberFromHprregisteret')
    if (person.hprNumber !== undefined) out[CLAIM.hprNumber] = person.hprNumber
    else delete out[CLAIM.hprNumber]
    if (person.hprNumber !== undefined && !people.includes(person)) onSynthesisedHpr?.(pid, person.hprNumber)
  }
  if (request.setPidPseudonym === true && out[CLAIM.pidPseudonym] === undefined) out[CLAIM.pidPseudonym] = pseudonym(clientId, pid)
  if (request.setSubject === true && out.sub === undefined) out.sub = pseudonym(clientId, pid)
  return out
}
