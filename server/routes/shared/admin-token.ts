/**
 * Whether a request carries the sandbox's ADMIN_TOKEN: the admin guard refuses without it, and
 * the dashboard shows data only with it. Compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

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
