/**
 * A client generated from the document works for the EHR flow: openapi-typescript's types
 * (test/openapi/generated, checked for drift here) and openapi-fetch, its fetch answered by the
 * sandbox through inject. The calls type-check against the document: `fnr` can be sent.
 */
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import createClient from 'openapi-fetch'
import t from 'tap'
import { CLIENT_ASSERTION_TYPE } from '../../server/domain/helseid/claims.js'
import { build, clientAssertion, ISSUER } from '../helper.js'
import { generatedTypes, TYPES_FILE } from '../support/openapi-types.js'
import type { paths } from './generated/sandbox-api.js'

const STATUS4 = '17815810112'

/** A fetch that never leaves the process: unit tests do not listen. */
function injectFetch (app: FastifyInstance): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text()
    const res = await app.inject({
      method: request.method as 'GET',
      url: request.url.slice(ISSUER.length),
      headers: Object.fromEntries(request.headers.entries()),
      ...(body !== undefined && body !== '' && { payload: body })
    })
    const headers = new Headers()
    for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, String(value))
    return new Response(res.statusCode === 204 || res.body === '' ? null : res.body, { status: res.statusCode, headers })
  }
}

t.test('the generated types are those of the current document', async (t) => {
  const committed = readFileSync(TYPES_FILE, 'utf8')
  t.ok(committed === await generatedTypes(), 'test/openapi/generated/sandbox-api.ts is current (else run: npx tsx test/support/openapi-types.ts)')
})

t.test('token -> ping -> helseindikator with fnr -> user token -> $everything, through the generated client', async (t) => {
  const app = await build(t)
  const client = createClient<paths>({ baseUrl: ISSUER, fetch: injectFetch(app) })

  const token = await client.POST('/connect/token', {
    body: { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await clientAssertion() },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  })
  t.equal(token.response.status, 200)
  const accessToken = token.data?.access_token ?? ''
  t.ok(accessToken)
  const auth = { Authorization: `Bearer ${accessToken}` }

  const pong = await client.GET('/v1/ping', { params: { header: { 'X-EPJ-System': 'Typed EHR 1.0' } }, headers: auth })
  t.match(pong.data, { Pong: String })

  const indicator = await client.POST('/v1/helseindikator', {
    params: { header: { 'X-EPJ-System': 'Typed EHR 1.0' } },
    headers: auth,
    body: { fnr: STATUS4, samtykke: 'HPMOTTATTSAMTYKKE' }
  })
  t.equal(indicator.data?.status, 4)
  const ticket = indicator.data?.ticket ?? ''
  t.ok(ticket, 'a ticket')

  const refused = await client.POST('/v1/helseindikator', { params: { header: { 'X-EPJ-System': 'Typed EHR 1.0' } }, body: { fnr: STATUS4 } })
  t.equal(refused.error?.feilkode, 'KJF-000279', 'no token: the error is typed as the face\'s error body')

  const ttt = await client.POST('/v2/create-test-token-with-key', {
    body: { audience: 'nhn:kjernejournal', userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' } }
  })
  const userToken = ttt.data?.successResponse?.accessTokenJwt ?? ''
  t.ok(userToken)

  const everything = await client.GET('/v1/fhir/Patient/$everything', {
    params: { header: { 'X-EPJ-System': 'Typed EHR 1.0', 'X-KJ-Ticket': ticket } },
    headers: { Authorization: `Bearer ${userToken}` }
  })
  t.equal(everything.response.status, 200)
  t.equal(everything.data?.resourceType, 'Bundle')
})
