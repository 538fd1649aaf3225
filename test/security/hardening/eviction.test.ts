/**
 * Issue 18, item 3: nobody erases stored data from outside. Evicting a session under
 * MAX_SESSIONS pressure used to delete its DATA_DIR file: 1000 unauthenticated GETs to new
 * sessions erased a session's acknowledged records, ADMIN_TOKEN set (robustness probe, finding 4).
 */
import t from 'tap'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { build } from '../../helper.js'
import { ci, ciToken } from '../../support/critical-info.js'

const PLAIN = '24868510168'
const ADMIN = { authorization: 'Bearer admin-token-123' }

t.test('eviction keeps a session\'s stored records; they come back on its next use and after a restart', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kj-evict-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const env = { DATA_DIR: dir, MAX_SESSIONS: '3', ADMIN_TOKEN: 'admin-token-123' }
  const file = join(dir, 'sessions', 'keep.json')
  const ids: string[] = []
  {
    const app = await build(t, env)
    const token = await ciToken(app)
    for (let i = 0; i < 5; i++) {
      const res = await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN), headers: { 'x-sandbox-session': 'keep' } })
      t.equal(res.statusCode, 201, `record ${i} created`)
      ids.push(res.json().id as string)
    }
    t.ok(existsSync(file), 'the session is stored')
    // Strangers: no token, each in a new session.
    for (let i = 0; i < 20; i++) await app.inject({ url: `/s/x${i}/v1/ping` })
    t.ok(app.sandbox.sessions.has('keep'), 'a session holding stored data goes after those holding none')
    // Now push it out too: every other session holds data.
    await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN), headers: { 'x-sandbox-session': 'other' } })
    await ci(app, 'POST', '/AllergyIntolerance', { token, nin: PLAIN, body: sampleResource('KjAllergyIntolerance', PLAIN), headers: { 'x-sandbox-session': 'third' } })
    t.notOk(app.sandbox.sessions.has('keep'), 'evicted from memory at last')
    await app.persistence.flush()
    t.ok(existsSync(file), 'its file is still there')
    for (const id of ids) {
      const read = await ci(app, 'GET', `/AllergyIntolerance/${id}`, { token, nin: PLAIN, headers: { 'x-sandbox-session': 'keep' } })
      t.equal(read.statusCode, 200, `record ${id} read back on next use`)
    }
    await app.close()
  }
  const app = await build(t, env)
  const token = await ciToken(app)
  let found = 0
  for (const id of ids) {
    const read = await ci(app, 'GET', `/AllergyIntolerance/${id}`, { token, nin: PLAIN, headers: { 'x-sandbox-session': 'keep' } })
    if (read.statusCode === 200) found++
  }
  t.equal(found, 5, '5 of 5 records survive eviction and a restart')
  const reset = await app.inject({ method: 'POST', url: '/__admin/sessions/keep/reset', headers: ADMIN })
  t.equal(reset.statusCode, 200, 'an explicit reset still removes it')
  await app.persistence.flush()
  t.notOk(existsSync(file), 'and its file')
})
