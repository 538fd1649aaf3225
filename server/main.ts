#!/usr/bin/env node
/**
 * The command line (`kjernejournal-sandbox start | healthcheck | validate | token | help`).
 * Kept tiny on purpose: when the sandbox will need a new signing key, its generation (a few
 * hundred ms of CPU) starts here, on the thread pool, before the rest of the sandbox is loaded,
 * so the two overlap and start-up waits for whichever is slower instead of both in turn.
 * The verbs themselves are in server/cli/run.ts. Node's compile cache is turned on before that
 * import, so the modules it loads come from the cache on later starts (server/compile-cache.ts).
 */
import { existsSync } from 'node:fs'
import { enableCompileCache } from './compile-cache.js'
import { generatePrivateJwk } from './domain/helseid/key-generation.js'

enableCompileCache()

/** KEYS_FILE as config.ts will read it: the --keys-file flag wins over the environment. */
function keysFile (args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg.startsWith('--keys-file=')) return arg.slice('--keys-file='.length)
    if (arg === '--keys-file') return args[i + 1]
  }
  return process.env.KEYS_FILE === '' ? undefined : process.env.KEYS_FILE
}

const args = process.argv.slice(2)
const starting = args[0] === undefined || args[0] === 'start' || args[0].startsWith('--')
const file = keysFile(args)
const signingKey = starting && (file === undefined || !existsSync(file)) ? generatePrivateJwk() : undefined
// If it fails, it fails where the key is awaited; never as an unhandled rejection of its own.
signingKey?.catch(() => {})
try {
  if (args[0] === 'healthcheck') {
    // Run every half second while a container starts: without the rest of the sandbox (cli/healthcheck.ts).
    const { healthcheck } = await import('./cli/healthcheck.js')
    process.exitCode = await healthcheck(process.env, args.slice(1))
  } else {
    const { run } = await import('./cli/run.js')
    await run(args, signingKey)
  }
} catch (err) {
  // A setting or fixture file the user got wrong is one line; anything else is our bug: the stack.
  // (By name: importing their classes here would load the whole sandbox before the key starts.)
  const known = err instanceof Error && (err.name === 'ConfigError' || err.name === 'FixtureError')
  // JSON.parse quotes the bad text, line breaks included; the line stays one line.
  console.error(known ? `kjernejournal-sandbox: ${err.message.replace(/\s*\n\s*/g, ' ')}` : err)
  process.exit(2)
}
