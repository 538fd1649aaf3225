/**
 * The sandbox's own UI: `GET /` (and `/s/<id>/`, the session prefix routes there too) renders the
 * dashboard of that session; `/__dashboard/*` serves its script and stylesheet. HTML for people,
 * so hidden from the OpenAPI document; everything the page does goes through the admin API.
 * With ADMIN_TOKEN set the page shows data only to a request that carries the token (the page's
 * script re-fetches it with the token from sessionStorage); see README "Dashboard".
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { z } from 'zod'
import { DASHBOARD_CSS } from '../../views/dashboard/client-style.js'
import { DASHBOARD_JS } from '../../views/dashboard/client-script.js'
import { renderDashboard, DASHBOARD_ASSETS } from '../../views/dashboard/page.js'
import { buildDashboardView, sessionBase } from '../../views/dashboard/view.js'
import { SESSION_ID } from '../../domain/sessions.js'
import { carriesAdminToken } from '../shared/admin-token.js'
import { hostAllowed } from '../shared/host-allowed.js'

/** No inline script or style, nothing from elsewhere: the page works offline and resists injection. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

const pageQuery = z.object({
  session: z.string().regex(SESSION_ID).optional(),
  q: z.string().max(200).optional()
})

function asset (reply: FastifyReply, type: string, body: string): FastifyReply {
  return reply.type(type).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(body)
}

const dashboard: FastifyPluginAsync = async (app) => {
  const { sandbox } = app
  const hidden = { schema: { hide: true } }

  app.get('/', hidden, async (request, reply) => {
    const query = pageQuery.safeParse(request.query ?? {})
    const { session: wanted, q = '' } = query.success ? query.data : {}
    // The "open a session" form without script: its dashboard lives under the session's prefix.
    if (wanted !== undefined) return reply.redirect(`${sessionBase(wanted)}/`, 303)
    const adminToken = sandbox.config.ADMIN_TOKEN
    // A foreign Host is a DNS-rebinding page: it gets the locked page, like a missing token.
    const locked = !hostAllowed(sandbox.config, request.headers.host) || (adminToken !== undefined && !carriesAdminToken(request, adminToken))
    const view = buildDashboardView({
      session: request.sandboxSession,
      sessions: sandbox.sessions.list(),
      world: sandbox.world,
      scenarios: app.scenarios.registry,
      publicUrl: sandbox.config.PUBLIC_URL,
      adminTokenSet: adminToken !== undefined,
      locked
    })
    return reply.type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('vary', 'authorization')
      .send(renderDashboard(view, q))
  })

  app.get(DASHBOARD_ASSETS.script, hidden, async (_request, reply) => asset(reply, 'text/javascript; charset=utf-8', DASHBOARD_JS))
  app.get(DASHBOARD_ASSETS.style, hidden, async (_request, reply) => asset(reply, 'text/css; charset=utf-8', DASHBOARD_CSS))
}

export default dashboard
