/**
 * `kjernejournal-sandbox validate [files...]`: checks scenario and fixture files with the same
 * schemas the sandbox loads them with, so a broken file is found in CI rather than at start.
 * With files: those (scenarios by extension, fixtures by name). Without: SCENARIOS_DIR and
 * FIXTURES_DIR, and that SCENARIOS names loaded scenarios. One line per problem on stderr
 * (`file: field: message`), `ok: N files` (the files without problems) on stdout; exit 1 on
 * any problem.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, extname, join, resolve, sep } from 'node:path'
import type { z } from 'zod'
import { loadConfig } from '../config.js'
import { clientRegistrationSchema } from '../domain/helseid/clients.js'
import { duplicateNameProblems, isScenarioFileName, type FileProblem } from '../domain/scenarios/scenario-file.js'
import { listScenarioFiles, readScenarioFile } from '../scenario-files/folder.js'
import { FixtureError, parseFixture } from '../domain/world/fixture-file.js'
import { organisationsFileSchema } from '../domain/world/organisations.js'
import { patientsFileSchema } from '../domain/world/patients.js'
import { usersFileSchema } from '../domain/world/users.js'
import { builtInFixturesDir, builtInScenariosDir } from '../paths.js'

export interface ValidateIo {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  readonly env: Record<string, string | undefined>
}

const FIXTURES: ReadonlyArray<{ file: string, schema: z.ZodType }> = [
  { file: 'patients.json', schema: patientsFileSchema },
  { file: 'users.json', schema: usersFileSchema },
  { file: 'organisations.json', schema: organisationsFileSchema },
  { file: join('helseid', 'clients.json'), schema: clientRegistrationSchema.array() }
]

type Kind = { kind: 'fixture', schema: z.ZodType } | { kind: 'scenario' } | { kind: 'skip' } | { kind: 'unknown' }

function kindOf (file: string): Kind {
  const path = resolve(file)
  const fixture = FIXTURES.find((f) => path.endsWith(sep + f.file))
  if (fixture !== undefined) return { kind: 'fixture', schema: fixture.schema }
  if (basename(path).endsWith('.schema.json')) return { kind: 'skip' }
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase())
  const inScenarios = path.split(sep).slice(0, -1).includes('scenarios')
  if (isScenarioFileName(path) && (yaml || inScenarios)) return { kind: 'scenario' }
  return { kind: 'unknown' }
}

async function checkFixture (file: string, schema: z.ZodType): Promise<string[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    return [`${file}: (root): cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]
  }
  try {
    JSON.parse(text)
  } catch (err) {
    return [`${file}: (root): not valid JSON (${(err as Error).message})`]
  }
  try {
    parseFixture(file, text, schema)
    return []
  } catch (err) {
    if (err instanceof FixtureError) return [err.message]
    throw err
  }
}

const line = (p: FileProblem): string => `${p.file}: ${p.field}: ${p.message}`

interface Report {
  files: number
  broken: Set<string>
  problems: string[]
}

async function checkFiles (files: readonly string[], report: Report): Promise<Array<{ file: string, name: string }>> {
  const names: Array<{ file: string, name: string }> = []
  for (const file of files) {
    const kind = kindOf(file)
    if (kind.kind === 'skip') continue
    report.files++
    let problems: string[]
    if (kind.kind === 'fixture') {
      problems = await checkFixture(file, kind.schema)
    } else if (kind.kind === 'scenario') {
      const result = await readScenarioFile(file)
      if (result.ok) names.push({ file, name: result.scenario.name })
      problems = result.ok ? [] : result.problems.map(line)
    } else {
      problems = [`${file}: (root): not a scenario file (.yaml, .yml, or .json in a scenarios folder) or a fixture file (${FIXTURES.map((f) => f.file).join(', ')})`]
    }
    if (problems.length > 0) report.broken.add(file)
    report.problems.push(...problems)
  }
  for (const p of duplicateNameProblems(names)) {
    report.broken.add(p.file)
    report.problems.push(line(p))
  }
  return names
}

/** Without file arguments: the folders the sandbox would load, as the environment sets them. */
async function defaultFiles (io: ValidateIo, report: Report): Promise<{ files: string[], scenariosDir: string, start: string[] }> {
  const config = loadConfig(io.env)
  const scenariosDir = config.SCENARIOS_DIR ?? builtInScenariosDir
  const fixturesDir = config.FIXTURES_DIR ?? builtInFixturesDir
  const files: string[] = []
  try {
    files.push(...(await listScenarioFiles(scenariosDir)).map((f) => join(scenariosDir, f)))
  } catch (err) {
    report.problems.push(`${scenariosDir}: (root): cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
  }
  for (const fixture of FIXTURES) {
    const file = join(fixturesDir, fixture.file)
    if (existsSync(file)) files.push(file)
  }
  if (!existsSync(fixturesDir)) report.problems.push(`${fixturesDir}: (root): cannot be read (ENOENT)`)
  const start = (config.SCENARIOS ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '')
  return { files, scenariosDir, start }
}

export async function validateCommand (argv: string[], io: ValidateIo = {
  out: (text) => { process.stdout.write(`${text}\n`) },
  err: (text) => { process.stderr.write(`${text}\n`) },
  env: process.env
}): Promise<number> {
  const report: Report = { files: 0, broken: new Set(), problems: [] }
  if (argv.length > 0) {
    await checkFiles(argv, report)
  } else {
    const { files, scenariosDir, start } = await defaultFiles(io, report)
    const names = await checkFiles(files, report)
    for (const name of start) {
      if (!names.some((n) => n.name === name)) report.problems.push(`${scenariosDir}: SCENARIOS: no scenario '${name}' in this folder`)
    }
  }
  for (const problem of report.problems) io.err(problem)
  io.out(`ok: ${report.files - report.broken.size} files`)
  return report.problems.length > 0 ? 1 : 0
}
