/**
 * With ADMIN_TOKEN set, /__admin answers only `Authorization: Bearer <ADMIN_TOKEN>`, for sandboxes
 * shared on a network. /__admin/health stays open: container health checks carry no secrets.
 */
import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../domain/admin-error.js'
import { carriesAdminToken } from '../shared/admin-token.js'

export function guardAdmin (app: FastifyInstance): void {
  const token = app.sandbox.config.ADMIN_TOKEN
  if (token === undefined) return
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url === '/__admin/health') return
    if (!carriesAdminToken(request, token)) throw new AdminError(401, 'unauthorized', 'this sandbox needs Authorization: Bearer <ADMIN_TOKEN> for /__admin')
  })
}
