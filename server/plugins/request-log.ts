/**
 * One log line per answered request, at debug level. Fastify's own request logging writes two
 * info lines per request, synchronously, and at the default level that was the single largest
 * cost of a ping under load; the request journal (/__admin/requests) is where requests are meant
 * to be read. `LOG_LEVEL=debug` brings the lines back, with secrets in the URL redacted.
 */
import fp from 'fastify-plugin'
import { redactUrl } from '../domain/journal/redact.js'

export default fp(async (app) => {
  // pino has isLevelEnabled; Fastify's stand-in for `logger: false` has not (and logs nothing).
  const log = app.log as typeof app.log & { isLevelEnabled?: (level: string) => boolean }
  if (log.isLevelEnabled?.('debug') !== true) return
  app.addHook('onResponse', (request, reply, done) => {
    request.log.debug({
      method: request.method,
      url: redactUrl(request.url),
      status: reply.statusCode,
      code: reply.getHeader('nhn-error-code'),
      ms: Math.round(reply.elapsedTime * 100) / 100
    }, 'request answered')
    done()
  })
}, { name: 'request-log', fastify: '5.x' })
