/**
 * The bundle users start (server/build/bundle.mjs): ASCII throughout, so V8 keeps its 3 MB of
 * source one byte a character, without zod's other-language messages, and the Norwegian text of
 * the HTML templates, escaped in the bundle, still reaches the browser as written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
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

/** The chunk files `file` reaches through static imports, itself included. */
function reachedFrom (file: string, reached = new Set<string>()): Set<string> {
  if (reached.has(file)) return reached
  reached.add(file)
  for (const [, next] of readFileSync(join(bundleDir, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) reachedFrom(next as string, reached)
  return reached
}

t.test('the health check loads none of the sandbox: only its own small chunks', async (t) => {
  const main = readFileSync(compiledMain, 'utf8')
  const entry = /import\("\.\/(healthcheck-[A-Z0-9]+\.js)"\)/.exec(main)?.[1]
  t.ok(entry !== undefined, 'main.js imports the health check on its own')
  const reached = reachedFrom(entry as string)
  const bytes = [...reached].reduce((sum, f) => sum + readFileSync(join(bundleDir, f)).length, 0)
  t.notOk([...reached].some((f) => f.startsWith('run-')), `not the sandbox's chunk (${[...reached].join(', ')})`)
  t.ok(bytes < 20_000, `${bytes} bytes in all`)
})

t.test('start imports no module whose ESM face loads undici', async (t) => {
  // node:http's ESM face reads every export, WebSocket's and EventSource's getters among them,
  // and they load undici: 50 ms of every start once a static import put the health check here.
  const main = readFileSync(compiledMain, 'utf8')
  const run = /import\("\.\/(run-[A-Z0-9]+\.js)"\)/.exec(main)?.[1]
  t.ok(run !== undefined, 'main.js imports the sandbox chunk')
  const reached = reachedFrom(run as string, reachedFrom(basename(compiledMain)))
  for (const file of reached) {
    t.notMatch(readFileSync(join(bundleDir, file), 'utf8'), /(?:from|import)\s*"node:https?"/, `${file} does not import node:http as a module`)
  }
})
