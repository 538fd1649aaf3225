/**
 * zod issues as `field: message` lines a person can act on. Unions are the hard part: zod
 * reports "Invalid input" with every branch's complaints, so when exactly one branch got past
 * the type check (the author clearly meant that one) its own issues are reported instead.
 */
import type { z } from 'zod'
import { describeIssuePath } from '../world/fixture-file.js'

export interface FieldProblem {
  /** Dotted path, e.g. rules[0].then.error; (root) for the whole file. */
  readonly field: string
  readonly message: string
}

type Issue = z.core.$ZodIssue

/** A branch that failed only because the value is of another type or literal. */
function isTypeMismatch (branch: readonly Issue[]): boolean {
  return branch.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'))
}

function flatten (issue: Issue, prefix: readonly PropertyKey[]): Array<{ path: PropertyKey[], message: string }> {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union') {
    const meant = issue.errors.filter((branch) => !isTypeMismatch(branch))
    if (meant.length === 1) return meant[0]!.flatMap((i) => flatten(i, path))
  }
  return [{ path, message: issue.message }]
}

export function explainIssues (issues: readonly Issue[]): FieldProblem[] {
  const seen = new Set<string>()
  const out: FieldProblem[] = []
  for (const { path, message } of issues.flatMap((i) => flatten(i, []))) {
    const problem = { field: describeIssuePath(path), message }
    const key = `${problem.field}\u0000${problem.message}`
    if (!seen.has(key)) out.push(problem)
    seen.add(key)
  }
  return out
}
