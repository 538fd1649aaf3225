/**
 * The built-in scenario pack, parsed when the sandbox is built: `npm run build` writes each file's
 * text and its data as JSON to dist/scenario-pack.json. Parsing the dozen small YAML files took
 * about 25 ms of every cold start (the YAML parser's code runs cold once), JSON.parse well under
 * one (issue 17, docs/performance.md). A file is taken from the pack only while its text is the
 * one packed, so an edited file is read as before; without the pack (from source, in tests)
 * every file is read as before.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { isDeepStrictEqual } from 'node:util'
import { join, resolve } from 'node:path'
import { isScenarioFileName, scenarioFileData } from '../domain/scenarios/scenario-file.js'
import { builtInScenariosDir, packageRoot } from '../paths.js'

export const PACK_FILE = join(packageRoot, 'dist', 'scenario-pack.json')

/** One file of the pack: the text it was made from, and that text's data as JSON. */
export interface PackedFile {
  readonly text: string
  readonly json: string
}

export type Pack = ReadonlyMap<string, PackedFile>

const EMPTY: Pack = new Map()

function isPackedFile (value: unknown): value is PackedFile {
  const v = value as Partial<PackedFile> | null
  return typeof v === 'object' && v !== null && typeof v.text === 'string' && typeof v.json === 'string'
}

/** The pack in `path`; empty when there is none or it cannot be read (then every file is parsed). */
export async function readPack (path = PACK_FILE): Promise<Pack> {
  try {
    const entries = Object.entries(JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>)
    return new Map(entries.filter((e): e is [string, PackedFile] => isPackedFile(e[1])))
  } catch {
    return EMPTY
  }
}

let builtIn: Promise<Pack> | undefined

/** The pack for a folder: the built-in one for the built-in folder (read once), none for others. */
export function packFor (dir: string): Promise<Pack> {
  if (resolve(dir) !== builtInScenariosDir) return Promise.resolve(EMPTY)
  builtIn ??= readPack()
  return builtIn
}

/** The data of `file` if the pack holds exactly this text, as a fresh copy. */
export function packedData (pack: Pack, file: string, text: string): { data: unknown } | undefined {
  const packed = pack.get(file)
  return packed !== undefined && packed.text === text ? { data: JSON.parse(packed.json) } : undefined
}

/**
 * Makes the pack of a folder. A file whose data JSON cannot carry unchanged (a YAML value with no
 * JSON form), or that does not parse, is left out: it is parsed at start as before.
 */
export async function makePack (dir: string): Promise<Record<string, PackedFile>> {
  const pack: Record<string, PackedFile> = {}
  const files = (await readdir(dir)).filter(isScenarioFileName).sort()
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8')
    let data: unknown
    try {
      data = scenarioFileData(file, text)
    } catch {
      continue
    }
    const json = JSON.stringify(data)
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) continue
    pack[file] = { text, json }
  }
  return pack
}

/** `npm run build`: writes the built-in folder's pack. */
export async function writePack (dir = builtInScenariosDir, path = PACK_FILE): Promise<number> {
  const pack = await makePack(dir)
  await writeFile(path, `${JSON.stringify(pack)}\n`)
  return Object.keys(pack).length
}
