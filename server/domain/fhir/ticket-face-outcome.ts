/**
 * The ticket face's (/v1/fhir) error body, the one place its shape is decided: two issues, both
 * `error`/`processing`, the KJF code alone in `issue[0].diagnostics` and the message in
 * `issue[1].diagnostics`, as NHN's error-handling page shows it. An EHR that reads
 * `issue[0].diagnostics` as the code (as the page teaches) gets the code here too. No `id` and
 * no `details`: the page shows none. `location` (a FHIR path) rides on the message issue when
 * the error names a field; FHIR allows it and the page does not rule it out.
 * @see https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/664634635 (Error handling)
 */
import type { KjError } from '../kj-error.js'

export interface TicketFaceIssue {
  readonly severity: 'error'
  readonly code: 'processing'
  readonly diagnostics: string
  readonly location?: readonly string[]
}

export interface TicketFaceOutcome {
  readonly resourceType: 'OperationOutcome'
  /** [the code issue, the message issue] */
  readonly issue: readonly [TicketFaceIssue, TicketFaceIssue]
}

export function ticketFaceOutcome (err: KjError): TicketFaceOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      { severity: 'error', code: 'processing', diagnostics: err.code },
      {
        severity: 'error',
        code: 'processing',
        diagnostics: err.diagnostics ?? err.entry.text,
        ...(err.location !== undefined && err.location.length > 0 && { location: [...err.location] })
      }
    ]
  }
}
