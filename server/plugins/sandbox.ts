/**
 * Exposes the sandbox to routes (`app.sandbox`) and gives each request its context:
 * - its session (`request.sandboxSession`): from the path prefix `/s/<id>/...` (stripped before
 *   routing by `rewriteSessionUrl`), else the `X-Sandbox-Session` header, else `default`;
 * - its HelseID issuer (`request.issuer`): the served URL its Host names (PUBLIC_URL when it names
 *   none; see domain/public-urls.ts), + /s/<id> when the session came from the path, so an
 *   unmodified EHR is isolated by its base URL alone; and the issuers whose tokens it accepts
 *   (`request.issuers`: the same for every served URL, its own first);
 * - its event id (`request.eventId`): Kjernejournal's X-EVENT-ID and OperationOutcome.id.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import fp from 'fastify-plugin'
import type { Sandbox } from '../domain/sandbox.js'
import type { Session } from '../domain/session.js'
import { SESSION_ID } from '../domain/sessions.js'
import { AdminError } from '../domain/admin-error.js'
import { PublicUrls } from '../domain/public-urls.js'

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: Sandbox
  }
  interface FastifyRequest {
    sandboxSession: Session
    issuer: string
    issuers: readonly string[]
    eventId: string
    /** The readiness findings the request gave rise to (domain/readiness/request-findings.ts). */
    findingIds: string[] | null
  }
}

const PREFIX = /^\/s\/([A-Za-z0-9_-]{1,64})(?=\/|\?|$)/
const pathSessions = new WeakMap<IncomingMessage, string>()

/** Fastify's `rewriteUrl`: `/s/<id>/v1/ping` routes as `/v1/ping` in session `<id>`. */
export function rewriteSessionUrl (req: IncomingMessage): string {
  const url = req.url ?? '/'
  const match = PREFIX.exec(url)
  if (match === null) return url
  pathSessions.set(req, match[1] as string)
  const rest = url.slice(match[0].length)
  return rest.startsWith('/') ? rest : `/${rest}`
}

export default fp<{ sandbox: Sandbox }>(async (app, { sandbox }) => {
  app.decorate('sandbox', sandbox)
  app.decorateRequest('sandboxSession', null as unknown as Session)
  app.decorateRequest('issuer', '')
  app.decorateRequest('issuers', null as unknown as readonly string[])
  const served = new PublicUrls(sandbox.config.PUBLIC_URLS)
  app.decorateRequest('eventId', '')
  app.decorateRequest('findingIds', null)
  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('onRequest', (request, _reply, done) => {
    request.eventId = randomUUID()
    const fromPath = pathSessions.get(request.raw)
    const header = request.headers['x-sandbox-session']
    const id = fromPath ?? (typeof header === 'string' && header !== '' ? header : 'default')
    const issuers = served.forRequest(request.headers.host, fromPath)
    request.issuer = issuers.issuer
    request.issuers = issuers.accepted
    if (!SESSION_ID.test(id)) {
      request.sandboxSession = sandbox.defaultSession
      done(new AdminError(400, 'invalid_session', 'X-Sandbox-Session must be 1-64 letters, digits, _ or -'))
      return
    }
    request.sandboxSession = sandbox.sessions.get(id)
    done()
  })
}, { name: 'sandbox', fastify: '5.x' })
