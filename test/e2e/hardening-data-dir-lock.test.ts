/**
 * Issue 18, item 10: one DATA_DIR, one process. Two processes on one folder lost 10
 * acknowledged records and a client (robustness probe, finding 10). A second process now
 * refuses to start with one line naming the holder; a stale lock is taken over.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../helper.js'

function dataDir (t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'kj-lock-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  return dir
}

/** A live process that is not this one, to hold a lock; killed at teardown. */
function otherProcess (t: { teardown(fn: () => void): void }): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
  t.teardown(() => { child.kill() })
  return child.pid as number
}

t.test('a folder held by another live process refuses to start, naming it in one line', async (t) => {
  const dir = dataDir(t)
  const pid = otherProcess(t)
  writeFileSync(join(dir, '.lock.json'), JSON.stringify({ pid }))
  const err = await build(t, { DATA_DIR: dir }).then(() => undefined, (e: unknown) => e as Error)
  t.ok(err, 'refused')
  t.match(err?.message, new RegExp(`Invalid setting DATA_DIR=.*in use by process ${pid}`))
  t.notMatch(err?.message, /\n/, 'one line')
})

t.test('a stale lock is taken over; the lock goes when the app closes', async (t) => {
  const dir = dataDir(t)
  writeFileSync(join(dir, '.lock.json'), JSON.stringify({ pid: 999999999 }))
  const app = await build(t, { DATA_DIR: dir })
  t.same(JSON.parse(readFileSync(join(dir, '.lock.json'), 'utf8')), { pid: process.pid }, 'this process holds it now')
  await app.close()
  t.notOk(existsSync(join(dir, '.lock.json')), 'released on close')
})
