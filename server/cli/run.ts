/**
 * The command line's verbs: `start | healthcheck | validate | token | readiness | help`, loaded by
 * server/main.ts. Settings come from the environment and from flags (`--port 9090`); see `help`.
 */
import { openAdminWarning } from './exposure.js'
import { buildApp } from '../app.js'
import { configSchema, loadConfig } from '../config.js'
import type { PrivateRsaJwk } from '../domain/helseid/key-generation.js'
import { listenError } from './listen-error.js'
import { readinessCommand } from './readiness.js'
import { tokenCommand } from './token.js'
import { validateCommand } from './validate.js'

const USAGE = `Usage: kjernejournal-sandbox <command> [--setting value ...]

Commands:
  start         start the sandbox (default)
  healthcheck   exit 0 when a sandbox answers on PORT, 1 otherwise (for container health checks);
                --wait <s>: try a port that is still closed again for up to s seconds
  validate      check scenario and fixture files; exit 1 with readable errors
  token         print an access token from a running sandbox: [--audience a] [--user <pid>] [--hpr <hpr>] [--url <base>]
  readiness     print a running sandbox's readiness findings; exit 1 on a chosen severity:
                [--url <base>] [--session <id>] [--fail-on will-fail|deprecated|unconfirmed|none] [--junit <file>] [--admin-token <t>]
  help          show this text

Settings (environment variable, or flag in kebab-case, e.g. PUBLIC_URL or --public-url):
${Object.entries(configSchema.shape).map(([name, schema]) => `  ${name.padEnd(30)}${schema.description ?? ''}`).join('\n')}
`

async function start (argv: string[], signingKey?: Promise<PrivateRsaJwk>): Promise<void> {
  const config = loadConfig(process.env, argv)
  const app = await buildApp(config, signingKey === undefined ? {} : { signingKey })
  let closing = false
  const shutdown = (signal: string): void => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    // In-flight requests get a moment to finish; a stuck one must not keep the container alive.
    const force = setTimeout(() => process.exit(0), 800)
    force.unref()
    // Fastify refuses new connections (503 on kept-alive ones) and closes idle ones once; a
    // connection whose last request finishes later is closed as soon as it falls idle, so the
    // process exits right after the last answer instead of waiting for the forced exit.
    const sweep = setInterval(() => { app.server.closeIdleConnections() }, 20)
    sweep.unref()
    app.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
  try {
    await app.listen({ port: config.PORT, host: config.HOST })
  } catch (err) {
    const known = listenError(err, config)
    if (known === undefined) throw err
    process.removeListener('SIGTERM', shutdown)
    process.removeListener('SIGINT', shutdown)
    // The app's watchers and timers must not keep the process alive; the line matters more than a clean close.
    await app.close().catch(() => {})
    throw known
  }
  app.log.info({ issuer: config.PUBLIC_URL }, 'kjernejournal-sandbox ready')
  const exposed = openAdminWarning(config)
  if (exposed !== undefined) app.log.warn(exposed)
}

/** Runs a verb; setting and fixture errors are thrown for server/main.ts to report (no logger exists yet). */
export async function run (args: readonly string[], signingKey?: Promise<PrivateRsaJwk>): Promise<void> {
  const [command = 'start', ...rest] = args
  const [verb, argv] = command.startsWith('--') ? ['start', [command, ...rest]] : [command, rest]
  switch (verb) {
    case 'start': return start(argv, signingKey)
    // Imported when asked for: a static import put it (and node:http's ESM face, which loads
    // undici) in the chunk every start loads.
    case 'healthcheck': process.exitCode = await (await import('./healthcheck.js')).healthcheck(process.env, argv); return
    case 'validate':
      process.exitCode = await validateCommand(argv)
      return
    case 'token':
      process.exitCode = await tokenCommand(argv)
      return
    case 'readiness':
      process.exitCode = await readinessCommand(argv)
      return
    case 'help': case '--help': case '-h':
      process.stdout.write(USAGE)
      return
    default:
      process.stderr.write(`kjernejournal-sandbox: unknown command '${verb}'\n\n${USAGE}`)
      process.exitCode = 2
  }
}
