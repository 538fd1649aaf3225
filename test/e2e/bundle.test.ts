/**
 * The bundle users start (server/build/bundle.mjs): ASCII throughout, so V8 keeps its 3 MB of
 * source one byte a character, without zod's other-language messages, and the Norwegian text of
 * the HTML templates, escaped in the bundle, still reaches the browser as written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import t from 'tap'
import { compiledMain, ensureBuilt, startCompiled } from '../support/compiled.js'

ensureBuilt()
const bundleDir = dirname(compiledMain)
const files = readdirSync(bundleDir).filter((f) => f.endsWith('.js'))

t.test('every file of the bundle is ASCII and starts as a command', async (t) => {
  for (const file of files) {
    const text = readFileSync(join(bundleDir, file), 'utf8')
    const first = /[\u0080-\uffff]/.exec(text)
    t.equal(first, null, `${file}: ${first === null ? 'ASCII' : `a ${JSON.stringify(first[0])} at ${first.index}`}`)
  }
  t.ok(readFileSync(compiledMain, 'utf8').startsWith('#!/usr/bin/env node\n'), 'main.js keeps its shebang')
})

t.test('zod keeps its English messages only', async (t) => {
  const all = files.map((f) => readFileSync(join(bundleDir, f), 'utf8')).join('\n')
  t.match(all, /Invalid input/, 'English is there')
  t.notMatch(all, /Entrada inv|Ungültige Eingabe/, 'Catalan and German are not')
})

t.test('escaped template text reaches the browser as written', async (t) => {
  const server = await startCompiled({})
  t.teardown(() => { server.child.kill('SIGKILL') })
  const res = await fetch(`${server.url}/hpp-webapp/loggut`)
  t.equal(res.status, 200)
  t.match(await res.text(), 'Lukk vinduet, eller åpne en pasient på nytt fra journalsystemet.')
})
