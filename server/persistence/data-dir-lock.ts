/**
 * One DATA_DIR, one process. Two processes on one folder each rewrite whole session files from
 * their own memory, so one silently overwrites what the other acknowledged (robustness probe,
 * finding 10: 10 records and a client lost). The first process writes its pid to `.lock.json`; a
 * second one refuses to start while that pid is alive, and takes the lock over when it is not
 * (a crash leaves a stale lock). Apps in the same process (tests, startSandbox) share the lock.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** JSON, so every file in DATA_DIR stays parseable JSON (file-store.ts skips this one). */
export const LOCK_FILE = '.lock.json'

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError'
}

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function holder (file: string): Promise<number | undefined> {
  try {
    const { pid } = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown }
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/** Takes the folder's lock; resolves to its release. DataDirInUseError when a live process holds it. */
export async function lockDataDir (dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify({ pid: process.pid })}\n`, { flag: 'wx', mode: 0o644 })
      return async () => { if (await holder(file) === process.pid) await unlink(file).catch(() => {}) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const pid = await holder(file)
    if (pid === process.pid) return async () => {}
    if (pid !== undefined && alive(pid)) {
      throw new DataDirInUseError(`DATA_DIR ${dir} is in use by process ${pid} (${file}); stop it, or give this one another folder`)
    }
    // A stale lock (its process is gone, or the file is unreadable): take it over.
    await unlink(file).catch(() => {})
  }
  throw new DataDirInUseError(`DATA_DIR ${dir}: could not take the lock ${file}`)
}
