/**
 * The node flags the sandbox starts with are decided once, in package.json's start script: the
 * image's CMD repeats them and the bench reads them, so `npm start`, the container and the
 * figures in docs/performance.md describe the same process.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { SANDBOX_NODE_FLAGS, startFlags } from '../../bench/server-process.js'

const root = new URL('../../', import.meta.url)
const startScript = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: { start: string } }).scripts.start

t.test('the start script bounds the young generation, starts it larger, bounds the old generation\'s growth and optimises on the main thread', async (t) => {
  t.same(startFlags(startScript), ['--max-semi-space-size=8', '--min-semi-space-size=4', '--heap-growing-percent=50', '--no-concurrent-recompilation'])
  t.same(SANDBOX_NODE_FLAGS, startFlags(startScript), 'the bench starts the sandbox as npm start does')
})

t.test('the image starts the sandbox as npm start does', async (t) => {
  const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8')
  const cmd = dockerfile.split('\n').filter((line) => line.startsWith('CMD ')).at(-1)
  t.ok(cmd !== undefined, 'the Dockerfile has a CMD')
  t.same(JSON.parse((cmd as string).slice(4)), ['node', ...startFlags(startScript), 'dist/bundle/main.js', 'start'])
  // Environment npm start cannot set on every platform (Windows' cmd has no VAR=value prefix).
  t.ok(dockerfile.split('\n').includes('ENV MALLOC_ARENA_MAX=2'), 'the image keeps glibc to two malloc arenas')
})

t.test('a start script of another form is refused, not misread', async (t) => {
  t.throws(() => startFlags('tsx server/main.ts start'), /not 'node \[flags\] dist\/bundle\/main.js start'/)
  t.same(startFlags('node dist/bundle/main.js start'), [])
})
