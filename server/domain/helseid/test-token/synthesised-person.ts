/**
 * Someone the real TTT finds in the national test registers but the sandbox's users fixture does
 * not hold (NHN's TestTokenDemo uses pid 05898597468): a person made up from the pid alone, the
 * same every time, with an HPR number, so a sample written against the real TTT works unchanged.
 * The HPR number starts with 8, which no fixture user's does, so it is recognisably synthesised;
 * Kjernejournal then takes the holder as an ad hoc physician (world/users.ts adHocUser).
 */
import { createHash } from 'node:crypto'
import { isValidNin } from '../../nin.js'
import { adHocUser, type User } from '../../world/users.js'

export function synthesisedHprNumber (pid: string): string {
  const digest = createHash('sha256').update(`hpr:${pid}`).digest()
  return `8${String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0')}`
}

/** Undefined for a pid that is no valid identity number: nobody would be found for it. */
export function synthesisedPerson (pid: string): User | undefined {
  if (!isValidNin(pid)) return undefined
  // The physician every unknown HPR-authorised user is taken for, under a name that says where it came from.
  return {
    ...adHocUser(pid, synthesisedHprNumber(pid)),
    givenName: 'Syntetisk',
    familyName: 'Testperson',
    note: 'Synthesised by the test-token service: the pid is not in the users fixture.'
  }
}
