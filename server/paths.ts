/**
 * Where the sandbox's own files are, whether it runs from source (tsx, tests), from dist/, or
 * from an installed package: the nearest folder above this file that holds its package.json.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findPackageRoot (): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('kjernejournal-sandbox: cannot find its package.json')
    dir = parent
  }
  return dir
}

export const packageRoot = findPackageRoot()
export const builtInFixturesDir = join(packageRoot, 'fixtures')
export const builtInScenariosDir = join(packageRoot, 'scenarios')
