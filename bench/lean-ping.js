/**
 * A lean ping: GET /v1/ping with ping's checks written straight into one plain Fastify route, and
 * nothing else of the sandbox (no sessions, journal, coverage, findings, scenarios or faces). The
 * bench runs it beside the floor and the sandbox to show what ping's semantics cost on this stack,
 * so the sandbox's own ratio can be read against it (issue 17 measured one at 0.57x the floor).
 * Not a product: the bench's reference only. It trusts the keys at LEAN_JWKS_URL (the sandbox's).
 */
import { randomUUID } from 'node:crypto'
import Fastify from 'fastify'
import { createLocalJWKSet, jwtVerify } from 'jose'

const jwksUrl = process.env.LEAN_JWKS_URL
if (jwksUrl === undefined) throw new Error('LEAN_JWKS_URL: the sandbox JWKS the lean ping trusts')
const keys = createLocalJWKSet(await (await fetch(jwksUrl)).json())
const issuer = new URL(jwksUrl).origin

const app = Fastify({ logger: false })
// Signatures checked once per token, as the sandbox does; the claims and times on every request.
const verified = new Map()
const refuse = (reply, status, feilkode) => reply.code(status).send({ status, feilkode })
const letters = (n) => { let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26)); return s }

app.get('/__admin/health', async () => ({ status: 'UP' }))

app.get('/v1/ping', async (request, reply) => {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
  if (match === null) return refuse(reply, 401, 'KJF-000279')
  const token = match[1]
  let claims = verified.get(token)
  if (claims === undefined) {
    try {
      claims = (await jwtVerify(token, keys, { algorithms: ['RS256'] })).payload
    } catch {
      return refuse(reply, 401, 'KJF-000198')
    }
    if (verified.size >= 2048) verified.delete(verified.keys().next().value)
    verified.set(token, claims)
  }
  const now = Date.now() / 1000
  if (claims.iss !== issuer || claims.exp <= now || (claims.nbf ?? 0) > now + 5) return refuse(reply, 401, 'KJF-000198')
  if (claims.aud !== 'nhn:kjernejournal' && !(Array.isArray(claims.aud) && claims.aud.length === 1 && claims.aud[0] === 'nhn:kjernejournal')) return refuse(reply, 401, 'KJF-000198')
  const scopes = Array.isArray(claims.scope) ? claims.scope : String(claims.scope ?? '').split(' ')
  if (!scopes.includes('nhn:kjernejournal/api')) return refuse(reply, 403, 'KJF-000197')
  if (typeof claims.client_id !== 'string') return refuse(reply, 401, 'KJF-000218')
  if (typeof request.headers['x-epj-system'] !== 'string') return refuse(reply, 400, 'KJF-000210')
  reply.header('x-event-id', `Id-${randomUUID().replaceAll('-', '')}`)
  reply.header('cache-control', 'no-cache, must-revalidate, private, s-maxage=0')
  reply.header('pragma', 'no-cache')
  reply.type('application/json; charset=utf-8')
  // The extra field the sandbox adds to every answer, made the plain way.
  return `{"Pong":"${new Date().toISOString()}","${letters(8)}":"${letters(8)}"}`
})

await app.listen({ port: Number(process.env.PORT ?? 8082), host: process.env.HOST ?? '127.0.0.1' })

const stop = () => {
  app.close().then(() => process.exit(0), () => process.exit(1))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
