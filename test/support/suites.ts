/**
 * Which test files run where. Unit and inject tests (no sockets, no child processes, no build, no
 * browser) run in a few group processes, each importing its files one after another: loading the
 * app's ~400 modules once per group instead of once per file is most of what made the suite slow.
 * End-to-end tests keep a process each (they listen, spawn, signal and kill).
 * A file belongs to the first group whose folder holds it; files in no listed folder fall to `misc`,
 * so a new folder is never left out (test/suite.test.ts checks the partition).
 */
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const TEST_ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Folders (relative to test/) whose files are end-to-end tests, each run in its own process. */
export const E2E_FOLDERS = ['e2e', 'resilience']
/** Folders holding no test files of their own. */
const NOT_TESTS = ['groups', 'support', 'fixtures']

/** Unit groups, balanced by measured time (see README "Tests"); the order of folders matters only for overlaps. */
export const UNIT_GROUPS: Record<string, readonly string[]> = {
  domain: ['domain', 'bench'],
  'routes-helseid': ['routes/helseid', 'routes/admin', 'routes/dashboard'],
  routes: ['routes'],
  plugins: ['plugins', 'scenarios'],
  security: ['security', 'property'],
  misc: []
}

function posix (path: string): string {
  return path.split(sep).join('/')
}

/** Every `*.test.ts` under test/, as paths relative to test/ with forward slashes, sorted. */
export function allTestFiles (): string[] {
  return (readdirSync(TEST_ROOT, { recursive: true }) as string[])
    .map(posix)
    .filter((f) => f.endsWith('.test.ts') && !NOT_TESTS.some((d) => f.startsWith(`${d}/`)))
    .sort()
}

function under (file: string, folder: string): boolean {
  return file.startsWith(`${folder}/`)
}

export function isEndToEnd (file: string): boolean {
  return E2E_FOLDERS.some((d) => under(file, d))
}

export function groupOf (file: string): string {
  for (const [name, folders] of Object.entries(UNIT_GROUPS)) {
    if (folders.some((d) => under(file, d))) return name
  }
  return 'misc'
}

/** The files of one unit group, as absolute paths. */
export function groupFiles (name: string): string[] {
  if (UNIT_GROUPS[name] === undefined) throw new Error(`no test group '${name}'`)
  return allTestFiles().filter((f) => !isEndToEnd(f) && groupOf(f) === name).map((f) => join(TEST_ROOT, f))
}

export function relativeToTests (path: string): string {
  return posix(relative(TEST_ROOT, path))
}
