/**
 * Every readiness finding the sandbox can record: where it accepts what the real service refuses
 * (`will-fail`), accepts what NHN or HelseID document as going away or to be avoided
 * (`deprecated`), or answers from an inference (`unconfirmed`). Each names its public source and
 * what the strict profile does instead. docs/readiness.md is generated from this list, and each
 * finding that rests on an inference names the docs/assumptions.md row that records it.
 */
export const SEVERITIES = ['will-fail', 'deprecated', 'unconfirmed'] as const
export type Severity = typeof SEVERITIES[number]

/** What a strict session answers instead of letting the request through. */
export type StrictAnswer =
  | { readonly refuses: true, readonly answer: string }
  | { readonly refuses: false, readonly why: string }

export interface FindingDefinition {
  readonly id: string
  readonly severity: Severity
  readonly title: string
  /** What the real service does (or is documented to do). */
  readonly realService: string
  /** A public page that says so. */
  readonly source: string
  readonly fix: string
  readonly strict: StrictAnswer
  /** The finding rests on a row of docs/assumptions.md, which carries `leniency: <id>`. */
  readonly assumption?: true
}

import { CRITICAL_INFORMATION_FINDINGS } from './findings/critical-information.js'
import { DPOP_FINDINGS } from './findings/dpop.js'
import { FHIR_OPERATION_FINDINGS } from './findings/fhir-operations.js'
import { HELSEID_FINDINGS } from './findings/helseid.js'
import { INNLOGGING_FINDINGS } from './findings/innlogging.js'
import { REST_FINDINGS } from './findings/rest.js'

/** One file per area (findings/), so each face's findings sit beside each other. */
export const FINDINGS: readonly FindingDefinition[] = [...HELSEID_FINDINGS, ...REST_FINDINGS, ...CRITICAL_INFORMATION_FINDINGS, ...DPOP_FINDINGS, ...FHIR_OPERATION_FINDINGS, ...INNLOGGING_FINDINGS]

const BY_ID = new Map(FINDINGS.map((f) => [f.id, f]))

export type FindingId = string

export function findingDefinition (id: FindingId): FindingDefinition {
  const definition = BY_ID.get(id)
  // A programming error: every call site names a finding of this list (a test checks them).
  if (definition === undefined) throw new Error(`unknown readiness finding '${id}'`)
  return definition
}
