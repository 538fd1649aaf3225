/**
 * Where the critical-information rules accept what NHN may not (readiness findings), the rule
 * reports a note instead of recording anything itself (the domain knows no session or request):
 * the face's route passes `admit` down in the OperationContext, records the finding, and answers
 * whether the request may go on. A note that the strict profile refuses carries the error the
 * real service answers instead.
 */
import type { KjError } from '../kj-error.js'

/** The findings (server/domain/readiness/findings/critical-information.ts) the rules can report. */
export type CriticalInfoLeniency = 'category-coding-system' | 'consent-coding-systems' | 'behandlingsavklaring-when-enabled' | 'status-body-unchecked'

export interface LeniencyNote {
  readonly leniency: CriticalInfoLeniency
  /** What the EHR did, one line. */
  readonly did: string
  /** The real service's answer, for a note the strict profile refuses. */
  readonly refusal?: () => KjError
}

/** Records the finding; false when the request must be refused. */
export type Admit = (note: LeniencyNote) => boolean

/** Lets each note through `admit`, or throws its refusal. */
export function admitAll (admit: Admit | undefined, notes: readonly LeniencyNote[]): void {
  for (const note of notes) {
    if (admit?.(note) === false && note.refusal !== undefined) throw note.refusal()
  }
}
