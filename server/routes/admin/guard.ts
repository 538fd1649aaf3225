/**
 * With ADMIN_TOKEN set, /__admin answers only `Authorization: Bearer <ADMIN_TOKEN>`, for sandboxes
 * shared on a network. /__admin/health stays open: container health checks carry no secrets.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AdminError } from '../../plugins/error-rendering.js'

function same (a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The request carries `Authorization: Bearer <token>`. */
export function carriesAdminToken (request: FastifyRequest, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
  return given !== undefined && same(given, token)
}

export function guardAdmin (app: FastifyInstance): void {
  const token = app.sandbox.config.ADMIN_TOKEN
  if (token === undefined) return
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url === '/__admin/health') return
    if (!carriesAdminToken(request, token)) throw new AdminError(401, 'unauthorized', 'this sandbox needs Authorization: Bearer <ADMIN_TOKEN> for /__admin')
  })
}
