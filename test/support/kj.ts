/** Calls the Kjernejournal REST face as an EHR does: system token, X-EPJ-System, JSON. */
import type { FastifyInstance } from 'fastify'
import { tokenRequest } from '../helper.js'

export const EPJ_SYSTEM = 'Sandbox test EHR 1.0'

export async function systemToken (app: FastifyInstance, params: Record<string, string | undefined> = {}): Promise<string> {
  const res = await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', ...params })
  if (res.statusCode !== 200) throw new Error(`token endpoint answered ${res.statusCode}: ${res.body}`)
  return res.json().access_token as string
}

/** A token from the test-token service, for the broken tokens only it makes. */
export async function testToken (app: FastifyInstance, request: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', payload: { audience: 'nhn:kjernejournal', ...request } })
  if (res.statusCode !== 200) throw new Error(`test-token service answered ${res.statusCode}: ${res.body}`)
  return res.json().successResponse.accessTokenJwt as string
}

export async function helseindikator (app: FastifyInstance, body: unknown, options: { token?: string | null, headers?: Record<string, string>, method?: 'POST' | 'GET' | 'PUT', url?: string } = {}) {
  const token = options.token === undefined ? await systemToken(app) : options.token
  return app.inject({
    method: options.method ?? 'POST',
    url: options.url ?? '/v1/helseindikator',
    headers: {
      'content-type': 'application/json',
      'x-epj-system': EPJ_SYSTEM,
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...options.headers
    },
    payload: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

export async function ping (app: FastifyInstance, options: { token?: string | null, headers?: Record<string, string>, method?: 'GET' | 'POST' } = {}) {
  const token = options.token === undefined ? await systemToken(app) : options.token
  return app.inject({
    method: options.method ?? 'GET',
    url: '/v1/ping',
    headers: { 'x-epj-system': EPJ_SYSTEM, ...(token !== null && { authorization: `Bearer ${token}` }), ...options.headers }
  })
}
