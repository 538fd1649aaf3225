/**
 * Runs one unit group in this process: imports each file in turn, so its top-level `t.test(...)`
 * calls queue on tap's root test in file order, as if each file ran alone. The files only use
 * top-level `t.test` (test/suite.test.ts holds them to it), so nothing leaks from one to the next.
 */
import { pathToFileURL } from 'node:url'
import { groupFiles } from './suites.js'

export async function runGroup (name: string): Promise<void> {
  for (const file of groupFiles(name)) await import(pathToFileURL(file).href)
}
