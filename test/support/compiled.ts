/**
 * The built sandbox as users run it (`node dist/bundle/main.js start`: the bin, `npm start` and the
 * image), in a child process, for tests that signal or kill the process or run the command line.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './server.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
export const compiledMain = join(root, 'dist', 'bundle', 'main.js')

function newestSource (dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

function fresh (): boolean {
  let built = 0
  try { built = statSync(compiledMain).mtimeMs } catch {}
  return built > newestSource(join(root, 'server'))
}

/**
 * Refuses to run end-to-end tests against a dist/ older than the sources: `npm run test:e2e` (and
 * `npm test`) build once up front, so a test never builds, and a stale bundle never passes for
 * the code under test.
 */
export function ensureBuilt (): void {
  if (!fresh()) throw new Error('dist/ is missing or older than server/: run `npm run build` first (npm run test:e2e and npm test do)')
}

/**
 * The environment for a child that runs the bundle: this process's, without tap's coverage hooks.
 * The bundle has no source maps, so its coverage says nothing about server/ and only slows the
 * report (one 3 MB script per child).
 */
export function childEnv (extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(_TAPJS_|NODE_OPTIONS$|NODE_V8_COVERAGE$)/.test(key)) env[key] = value
  }
  return { ...env, ...extra }
}

/** Runs the built command line (`kjernejournal-sandbox ...` as the bin does) and waits for it. */
export function runCompiled (args: string[], options: { env?: Record<string, string>, timeout?: number } = {}): SpawnSyncReturns<string> {
  ensureBuilt()
  return spawnSync(process.execPath, [compiledMain, ...args], { env: childEnv(options.env), encoding: 'utf8', timeout: options.timeout ?? 30_000 })
}

export interface Running {
  readonly url: string
  readonly child: ChildProcess
  /** Every line the process wrote to stdout so far (pino JSON). */
  readonly lines: string[]
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>
  /** Resolves once a stdout line matches. */
  waitForLine(test: (line: string) => boolean): Promise<string>
}

export async function startCompiled (env: Record<string, string>, options: { cwd?: string, port?: number } = {}): Promise<Running> {
  ensureBuilt()
  const port = options.port ?? await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [compiledMain, 'start'], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: string[] = []
  const watchers: Array<{ test: (line: string) => boolean, resolve: (line: string) => void }> = []
  let buffered = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const parts = buffered.split('\n')
    buffered = parts.pop() ?? ''
    for (const line of parts) {
      lines.push(line)
      for (const w of [...watchers]) {
        if (w.test(line)) {
          watchers.splice(watchers.indexOf(w), 1)
          w.resolve(line)
        }
      }
    }
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8') })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const waitForLine = (test: (line: string) => boolean): Promise<string> => {
    const seen = lines.find(test)
    if (seen !== undefined) return Promise.resolve(seen)
    return new Promise((resolve) => watchers.push({ test, resolve }))
  }
  let up = false
  // Up to 60 s: a loaded CI machine starts the bundle slowly; a healthy one answers in well under 1 s.
  for (let i = 0; i < 1200 && !up && child.exitCode === null; i++) {
    up = await fetch(`${url}/__admin/health`).then((r) => r.ok, () => false)
    if (!up) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  if (!up) {
    child.kill('SIGKILL')
    throw new Error(`the compiled sandbox did not come up: ${stderr}${lines.join('\n')}`)
  }
  return { url, child, lines, exited, waitForLine }
}
