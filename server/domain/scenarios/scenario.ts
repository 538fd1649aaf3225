/**
 * A scenario as the engine uses it: the validated file plus what is worth working out once
 * (path matchers, the faces its effects can be rendered on). A scenario object is immutable;
 * reloading a file makes a new one, which is how sessions notice a changed definition.
 */
import { explainIssues, type FieldProblem } from './issues.js'
import { pathMatcher } from './path-pattern.js'
import { scenarioNameSchema, scenarioSchema, type Rule, type ScenarioFile, type Step, type Then } from './schema.js'

export interface CompiledRule {
  readonly index: number
  readonly rule: Rule
  /** undefined: any path. */
  readonly path?: (path: string) => boolean
  /** OAuth errors render on HelseID only, catalogue errors everywhere else. */
  readonly helseid: 'only' | 'never' | 'any'
}

export interface Scenario {
  readonly name: string
  readonly description: string
  /** The file it came from; undefined when added through the admin API. */
  readonly file?: string
  readonly definition: ScenarioFile
  readonly rules: readonly CompiledRule[]
}

export type CompileResult = { ok: true, scenario: Scenario } | { ok: false, problems: FieldProblem[] }

function stepsOf (then: Then): Array<Then | Step> {
  return [then, ...(then.sequence ?? [])]
}

function helseidOf (then: Then): CompiledRule['helseid'] {
  const steps = stepsOf(then)
  if (steps.some((s) => typeof s === 'object' && s.oauthError !== undefined)) return 'only'
  const isCode = (s: Then | Step): boolean => typeof s === 'string' ? s !== 'ok' : s.error !== undefined
  return steps.some(isCode) ? 'never' : 'any'
}

function asList<T> (value: T | readonly T[] | undefined): readonly T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value as T]
}

/** Effects that can never be rendered where the rule says it applies. */
function faceProblems (rule: Rule, index: number, helseid: CompiledRule['helseid']): FieldProblem[] {
  const faces = asList(rule.when?.face)
  const steps = stepsOf(rule.then)
  const mixed = steps.some((s) => typeof s === 'object' && s.oauthError !== undefined) &&
    steps.some((s) => typeof s === 'string' ? s !== 'ok' : s.error !== undefined)
  if (mixed) return [{ field: `rules[${index}].then`, message: 'mixes oauthError (HelseID) and catalogue errors (Kjernejournal); split the rule by face' }]
  if (faces === undefined) return []
  if (helseid === 'only' && !faces.includes('helseid')) {
    return [{ field: `rules[${index}].when.face`, message: 'oauthError only works on the helseid face' }]
  }
  if (helseid === 'never' && faces.every((f) => f === 'helseid')) {
    return [{ field: `rules[${index}].when.face`, message: 'catalogue errors do not work on the helseid face; use oauthError' }]
  }
  return []
}

/** Validates a parsed file (or admin body) and compiles it. `fallbackName`: from the file name. */
export function compileScenario (input: unknown, fallbackName?: string, file?: string): CompileResult {
  const parsed = scenarioSchema.safeParse(input)
  if (!parsed.success) return { ok: false, problems: explainIssues(parsed.error.issues) }
  const definition = parsed.data
  const name = definition.name ?? fallbackName
  if (name === undefined) return { ok: false, problems: [{ field: 'name', message: 'required' }] }
  const named = scenarioNameSchema.safeParse(name)
  if (!named.success) return { ok: false, problems: [{ field: definition.name === undefined ? '(file name)' : 'name', message: named.error.issues[0]!.message }] }
  const problems: FieldProblem[] = []
  const rules = definition.rules.map((rule, index): CompiledRule => {
    const helseid = helseidOf(rule.then)
    problems.push(...faceProblems(rule, index, helseid))
    const patterns = asList(rule.when?.path)?.map(pathMatcher)
    return { index, rule, helseid, ...(patterns !== undefined && { path: (p: string) => patterns.some((m) => m(p)) }) }
  })
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, scenario: { name, description: definition.description ?? '', ...(file !== undefined && { file }), definition, rules } }
}

/** For places that want one exception rather than a list. */
export class ScenarioError extends Error {
  override name = 'ScenarioError'
  readonly problems: readonly FieldProblem[]
  constructor (problems: readonly FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '))
    this.problems = problems
  }
}

/** compileScenario for callers that want the scenario or an exception. */
export function parseScenario (input: unknown, fallbackName?: string): Scenario {
  const result = compileScenario(input, fallbackName)
  if (!result.ok) throw new ScenarioError(result.problems)
  return result.scenario
}
