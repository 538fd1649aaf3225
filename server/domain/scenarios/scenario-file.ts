/**
 * Scenario files: YAML (.yaml, .yml) or JSON (.json), one scenario each, named after the file
 * unless they say otherwise. Problems come back as `{file, field, message}`, never thrown, so
 * one broken file cannot hide the others. Reading them from disk is server/scenario-files/folder.ts.
 */
import { basename, extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { compileScenario, type Scenario } from './scenario.js'

export interface FileProblem {
  readonly file: string
  readonly field: string
  readonly message: string
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json'])

/** Whether a file in a scenarios folder is a scenario (the generated JSON Schema is not). */
export function isScenarioFileName (file: string): boolean {
  const name = basename(file)
  return EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.') && !name.endsWith('.schema.json')
}

export function scenarioNameOf (file: string): string {
  return basename(file, extname(file))
}

export type FileResult = { ok: true, scenario: Scenario } | { ok: false, problems: FileProblem[] }

/** A file's text as data: JSON for .json, YAML otherwise. Throws on bad syntax. */
export function scenarioFileData (file: string, text: string): unknown {
  return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true })
}

/**
 * Parses one file's text; `file` names it in problems and becomes the scenario's `file`.
 * `parsed` is the same text already made data (the built-in pack's, scenario-files/built-in-pack.ts).
 */
export function parseScenarioText (file: string, text: string, parsed?: { readonly data: unknown }): FileResult {
  let data: unknown
  try {
    data = parsed !== undefined ? parsed.data : scenarioFileData(file, text)
  } catch (err) {
    const kind = extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'
    const message = (err as Error).message.split('\n')[0] ?? ''
    return { ok: false, problems: [{ file, field: '(root)', message: `not valid ${kind}: ${message}` }] }
  }
  const result = compileScenario(data, scenarioNameOf(file), file)
  if (result.ok) return result
  return { ok: false, problems: result.problems.map((p) => ({ file, ...p })) }
}

/** A second scenario with a name already taken is a problem of its file. */
export function duplicateNameProblems (scenarios: ReadonlyArray<{ file: string, name: string }>): FileProblem[] {
  const first = new Map<string, string>()
  const problems: FileProblem[] = []
  for (const { file, name } of scenarios) {
    const taken = first.get(name)
    if (taken !== undefined) problems.push({ file, field: 'name', message: `scenario '${name}' is already defined in ${taken}` })
    else first.set(name, file)
  }
  return problems
}
