/**
 * What a session keeps for readiness: its profile (lenient or strict), the findings recorded on
 * it and the cross-request habits they are read from. Made with the session and reset with it.
 */
import { SessionFindings } from './findings.js'
import { Habits } from './habits.js'
import type { Profile } from './profile.js'

export class SessionReadiness {
  profile: Profile = 'lenient'
  readonly findings = new SessionFindings()
  readonly habits = new Habits()

  clear (): void {
    this.findings.clear()
    this.habits.clear()
  }
}
