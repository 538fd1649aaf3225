/**
 * The sandbox's log settings. Tokens, proofs, tickets and secrets never go to the log whole: the
 * headers that carry them are censored, and so is any credential in a logged URL's query string
 * (e.g. `id_token_hint` on /connect/endsession, `code` on a redirect).
 */
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'
import { redactUrl } from './domain/journal/redact.js'

/** Request headers that carry credentials. */
const SECRET_HEADERS = ['authorization', 'dpop', 'x-kj-ticket', 'cookie', 'x-auth-key']

export const LOG_REDACT_PATHS: readonly string[] = [
  ...SECRET_HEADERS.map((h) => `req.headers["${h}"]`),
  'res.headers["set-cookie"]', 'res.headers.location'
]

interface LoggedRequest { method: string, url: string, hostname?: string, ip?: string, socket?: { remotePort?: number } }

export function loggerOptions (config: Pick<Config, 'LOG_LEVEL'>): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: [...LOG_REDACT_PATHS], censor: '[redacted]' },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.hostname,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort
      })
    }
  }
}
