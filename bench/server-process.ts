/**
 * Starts a server under test in its own process (plain node, no tsx), times it to its first
 * healthy answer, reads its resident memory and stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
/** What users run (bin, npm start, the image): the bundled command line. */
export const SANDBOX_MAIN = `${ROOT}/dist/bundle/main.js`

/**
 * The node flags `npm start` gives the sandbox (package.json's start script, which the image's
 * CMD repeats): the bench measures the sandbox as users start it.
 */
export function startFlags (startScript: string): string[] {
  const words = startScript.trim().split(/\s+/)
  const main = words.indexOf('dist/bundle/main.js')
  if (words[0] !== 'node' || main < 0) throw new Error(`package.json's start script is not 'node [flags] dist/bundle/main.js start': ${startScript}`)
  return words.slice(1, main)
}

export const SANDBOX_NODE_FLAGS = startFlags((JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start)
/** The same code unbundled, for CPU profiles whose locations name source files. */
export const SANDBOX_MAIN_UNBUNDLED = `${ROOT}/dist/server/main.js`
export const FLOOR_MAIN = `${ROOT}/bench/floor.js`
/** Ping's checks in one plain Fastify route: what ping's semantics cost on this stack. */
export const LEAN_MAIN = `${ROOT}/bench/lean-ping.js`

export type ServerKind = 'sandbox' | 'floor' | 'lean'

export interface Running {
  readonly kind: ServerKind
  readonly url: string
  readonly port: number
  readonly pid: number
  /** Milliseconds from spawn to the first 2xx of GET /__admin/health. */
  readonly startMs: number
  stop(): Promise<void>
  /** The last lines the process wrote, for error messages. */
  output(): string
}

export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** VmRSS of a process, MB (from /proc; NaN where there is no /proc). */
export function rssMB (pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match === null ? Number.NaN : Number(match[1]) / 1024
  } catch {
    return Number.NaN
  }
}

function healthy (port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/__admin/health', agent: false, timeout: 1000 }, (res) => {
      res.resume()
      resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300)
    })
    req.on('error', () => resolve(false))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

function exited (child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()))
}

export interface StartOptions {
  /** Extra node flags, e.g. --cpu-prof. */
  readonly nodeArgs?: readonly string[]
  readonly env?: Readonly<Record<string, string>>
  readonly timeoutMs?: number
  /** Run dist/server/main.js instead of the bundle (profiles). */
  readonly unbundled?: boolean
}

/** Spawns the server and polls its health every 10 ms until it answers 2xx. */
export async function startServer (kind: ServerKind, options: StartOptions = {}): Promise<Running> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const script = kind === 'sandbox' ? (options.unbundled === true ? SANDBOX_MAIN_UNBUNDLED : SANDBOX_MAIN) : kind === 'lean' ? LEAN_MAIN : FLOOR_MAIN
  const args = [...(kind === 'sandbox' ? SANDBOX_NODE_FLAGS : []), ...(options.nodeArgs ?? []), script, ...(kind === 'sandbox' ? ['start'] : [])]
  // A clean environment: settings the caller's shell happens to export must not change what is measured.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    ...options.env
  }
  let output = ''
  const keep = (chunk: Buffer): void => { output = (output + chunk.toString()).slice(-4000) }
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const deadline = started + (options.timeoutMs ?? 90_000)
  while (!(await healthy(port))) {
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${kind} did not become healthy on ${url}:\n${output}`)
    }
    await sleep(10)
  }
  const startMs = performance.now() - started
  return {
    kind,
    url,
    port,
    pid: child.pid as number,
    startMs,
    output: () => output,
    async stop () {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited(child)
      clearTimeout(killer)
    }
  }
}
