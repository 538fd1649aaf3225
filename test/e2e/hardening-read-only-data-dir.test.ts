/**
 * Issue 18, item 10 (second half): a read-only DATA_DIR at start is served read-only with a
 * warning; the sandbox used to refuse to start on it (robustness probe, finding 14). Needs a
 * read-only file system (root mounts a tmpfs); skipped where that cannot be made.
 */
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { build } from '../helper.js'
import { ci, ciToken } from '../support/critical-info.js'

const PLAIN = '24868510168'

function tryMount (dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

t.test('a read-only DATA_DIR serves what it holds and stores nothing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kj-ro-'))
  if (process.getuid?.() !== 0 || !tryMount(dir)) {
    rmSync(dir, { recursive: true, force: true })
    t.pass('skipped: cannot mount a file system here')
    return
  }
  t.teardown(() => {
    try { execFileSync('umount', [dir], { stdio: 'ignore' }) } catch {}
    rmSync(dir, { recursive: true, force: true })
  })
  const env = { DATA_DIR: dir }
  let id: string
  {
    const app = await build(t, env)
    const created = await ci(app, 'POST', '/AllergyIntolerance', { token: await ciToken(app), nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN), headers: { 'x-sandbox-session': 'ro' } })
    t.equal(created.statusCode, 201)
    id = created.json().id as string
    await app.close()
  }
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' })
  const app = await build(t, env)
  const token = await ciToken(app)
  const read = await ci(app, 'GET', `/AllergyIntolerance/${id}`, { token, nin: PLAIN, headers: { 'x-sandbox-session': 'ro' } })
  t.equal(read.statusCode, 200, 'the stored record is served')
  const write = await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN), headers: { 'x-sandbox-session': 'ro' } })
  t.equal(write.statusCode, 500, 'a change is answered as not stored')
  t.equal(write.headers['nhn-error-code'], 'KI-0006')
  t.match((await app.inject('/__admin/persistence')).json(), { enabled: true, restored: { sessions: 1 } })
})
