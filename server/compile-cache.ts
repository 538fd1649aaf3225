/**
 * Node 22's on-disk compile cache for start-up: the sandbox loads a few hundred modules, and
 * Node can keep their V8 code cache between runs instead of compiling them again on every start
 * (a CI job or `docker compose up` starts it cold each time). It must run before the bulk of the
 * sandbox is imported, so the command line calls it first and imports the rest afterwards.
 * Best effort on purpose: on Node 20, with a read-only temp dir, or with NODE_DISABLE_COMPILE_CACHE
 * set, start-up just compiles as before.
 */
import nodeModule from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** node:module as Node 22.1+ has it; @types/node may describe an older Node. */
interface WithCompileCache {
  readonly enableCompileCache?: (directory?: string) => unknown
}

/** The folder: NODE_COMPILE_CACHE when set (Node's own setting), else one under the OS temp dir. */
export function compileCacheDir (env: Record<string, string | undefined> = process.env): string {
  const own = env.NODE_COMPILE_CACHE
  return own !== undefined && own !== '' ? own : join(tmpdir(), 'kjernejournal-sandbox-compile-cache')
}

/** Turns the cache on when this Node has it; never throws, never prints. */
export function enableCompileCache (): void {
  const enable = (nodeModule as unknown as WithCompileCache).enableCompileCache
  if (typeof enable !== 'function') return
  try {
    enable(compileCacheDir())
  } catch {
    // A cache that cannot be written costs only the speed it would have brought.
  }
}
