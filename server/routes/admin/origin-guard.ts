/**
 * The admin API against web pages and DNS rebinding. With ADMIN_TOKEN unset (the default) any
 * web page a tester opens could reset, activate or reload through "simple" cross-site requests
 * (text/plain, no preflight), and a rebinding domain could read the journal (robustness probe,
 * findings 5 and 15). So: a request whose Origin (or, without one, Referer) is present must come
 * from the sandbox itself or an origin in CORS_ORIGINS; a body must be JSON; and the Host must be
 * one of the sandbox's own names (loopback, IP literals, the hosts of PUBLIC_URL(S), this machine's name,
 * ALLOWED_HOSTS). curl and CI clients send no Origin and keep working, and so does the dashboard,
 * which is same-origin. /__admin/health stays open like it does for ADMIN_TOKEN.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../../config.js'
import { AdminError } from '../../domain/admin-error.js'
import { hostAllowed } from '../shared/host-allowed.js'

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i

/** The origin a request says it comes from: Origin, else Referer's origin; undefined when neither. */
function claimedOrigin (request: FastifyRequest): string | undefined {
  const origin = request.headers.origin
  if (typeof origin === 'string' && origin !== '') return origin
  const referer = request.headers.referer
  if (typeof referer !== 'string' || referer === '') return undefined
  try { return new URL(referer).origin } catch { return 'null' }
}

function originAllowed (config: Config, request: FastifyRequest, origin: string): boolean {
  const own = [...config.PUBLIC_URLS.map((url) => new URL(url).origin), `${request.protocol}://${request.headers.host ?? ''}`]
  if (own.includes(origin)) return true
  const listed = config.CORS_ORIGINS
  return listed === '*' || (listed !== undefined && listed.includes(origin))
}

export function guardAdminOrigin (app: FastifyInstance): void {
  const config = app.sandbox.config
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url === '/__admin/health') return
    if (!hostAllowed(config, request.headers.host)) {
      throw new AdminError(403, 'host_not_allowed', 'the Host header names none of this sandbox\'s names; behind a proxy, list it in ALLOWED_HOSTS')
    }
    if (!CHANGES.has(request.method)) return
    const origin = claimedOrigin(request)
    if (origin !== undefined && !originAllowed(config, request, origin)) {
      throw new AdminError(403, 'cross_site_request', 'a web page of another origin may not change the sandbox; list the origin in CORS_ORIGINS to allow it')
    }
    const type = request.headers['content-type']
    if (type !== undefined && !JSON_TYPE.test(type)) {
      throw new AdminError(415, 'unsupported_media_type', 'the admin API takes bodies as application/json only')
    }
  })
}
