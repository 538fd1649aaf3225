/**
 * The partition of the suite (test/support/suites.ts) leaves no file out and keeps unit groups
 * honest: a file that shares a process with others may only queue top-level `t.test`s, and may
 * not listen, spawn or drive a browser (those are end-to-end tests, each in its own process).
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { allTestFiles, groupFiles, isEndToEnd, relativeToTests, TEST_ROOT, UNIT_GROUPS } from './support/suites.js'

t.test('every test file runs once: in one unit group or as an end-to-end file', async (t) => {
  const all = allTestFiles()
  t.ok(all.length > 100, `${all.length} test files found`)
  const grouped = Object.keys(UNIT_GROUPS).flatMap((g) => groupFiles(g).map(relativeToTests))
  t.equal(new Set(grouped).size, grouped.length, 'no file in two groups')
  t.same([...grouped, ...all.filter(isEndToEnd)].sort(), all)
  for (const g of Object.keys(UNIT_GROUPS).filter((g) => g !== 'misc')) t.ok(groupFiles(g).length > 0, `group ${g} has files`)
})

t.test('unit files only queue top-level t.test and stay in process', async (t) => {
  for (const file of allTestFiles().filter((f) => !isEndToEnd(f) && f !== 'suite.test.ts')) {
    const text = readFileSync(join(TEST_ROOT, file), 'utf8')
    const topLevel = text.split('\n').filter((l) => /^t\.\w+/.test(l) && !l.startsWith('t.test('))
    t.same(topLevel, [], `${file}: only t.test at the top level`)
    t.notMatch(text, /node:child_process|support\/(server|compiled|browser)\.js|\.listen\(/, `${file}: no child process, socket or browser`)
  }
})
