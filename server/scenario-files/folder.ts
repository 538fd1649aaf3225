/**
 * Reading scenario files from disk (SCENARIOS_DIR, or the files `validate` is given). What a file
 * means is domain/scenarios/scenario-file.ts; this only finds and reads them, and an unreadable
 * file is a problem of that file, like a broken one, so it cannot hide the others.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isScenarioFileName, parseScenarioText, type FileResult } from '../domain/scenarios/scenario-file.js'
import { packedData, packFor, type Pack } from './built-in-pack.js'

/** `pack`: files parsed at build time (built-in-pack.ts); a file is parsed here unless it holds their text. */
export async function readScenarioFile (path: string, file = path, pack?: Pack): Promise<FileResult> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    return { ok: false, problems: [{ file, field: '(root)', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }] }
  }
  return parseScenarioText(file, text, pack === undefined ? undefined : packedData(pack, file, text))
}

/** The scenario files of a folder, sorted, as names relative to it. */
export async function listScenarioFiles (dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  return entries.filter((e) => e.isFile() && isScenarioFileName(e.name)).map((e) => e.name).sort()
}

/** Reads every scenario file of a folder; `file` in problems is the name inside the folder. */
export async function readScenarioFolder (dir: string): Promise<Map<string, FileResult>> {
  const [files, pack] = await Promise.all([listScenarioFiles(dir), packFor(dir)])
  const results = await Promise.all(files.map((f) => readScenarioFile(join(dir, f), f, pack)))
  return new Map(files.map((f, i) => [f, results[i]!]))
}
