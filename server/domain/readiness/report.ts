/**
 * A session's readiness report: the verdict, the findings and the checklist, as
 * `GET /__admin/readiness` answers it. The verdict follows the most severe finding: `not-ready`
 * when the EHR did something the real service refuses, `ready-with-warnings` when it relied on
 * something deprecated or unconfirmed, `ready` otherwise. Unmet checklist items do not decide the
 * verdict (a CI run rarely meets all of them); they are listed for QA.
 */
import type { CoverageSnapshot } from '../journal/coverage.js'
import { checklist, type ChecklistItem } from './checklist.js'
import type { Severity } from './catalogue.js'
import type { FindingRecord, SessionFindings } from './findings.js'
import type { Profile } from './profile.js'

export type Verdict = 'ready' | 'ready-with-warnings' | 'not-ready'

export interface ReadinessReport {
  readonly session: string
  readonly profile: Profile
  readonly verdict: Verdict
  /** Findings per severity. */
  readonly counts: Record<Severity, number>
  readonly findings: FindingRecord[]
  readonly checklist: ChecklistItem[]
}

export function verdictOf (findings: readonly FindingRecord[]): Verdict {
  if (findings.some((f) => f.severity === 'will-fail')) return 'not-ready'
  return findings.length > 0 ? 'ready-with-warnings' : 'ready'
}

export function readinessReport (session: string, profile: Profile, findings: SessionFindings, coverage: CoverageSnapshot): ReadinessReport {
  const list = findings.list()
  const counts: Record<Severity, number> = { 'will-fail': 0, deprecated: 0, unconfirmed: 0 }
  for (const f of list) counts[f.severity]++
  return { session, profile, verdict: verdictOf(list), counts, findings: list, checklist: checklist(coverage) }
}

/** Whether findings of `threshold` or worse were recorded (what `readiness --fail-on` asks). */
export function failsOn (report: Pick<ReadinessReport, 'findings'>, threshold: Severity): boolean {
  const order: readonly Severity[] = ['will-fail', 'deprecated', 'unconfirmed']
  const worst = order.indexOf(threshold)
  return report.findings.some((f) => order.indexOf(f.severity) <= worst)
}
