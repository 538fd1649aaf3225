/**
 * The EHR flow as a vendor's CI runs it, as one bench row (issue 17): a system token
 * (client_credentials), helseindikator with it (a ticket), a user token from the test-token
 * service, and a FHIR read with the user token and the ticket. Every step is a new token or
 * ticket, so the row measures the signing and first verifications the other rows remember.
 * Each connection runs the four requests in turn; a step takes what it needs from the answer
 * of the step before, kept in autocannon's per-connection context.
 */
import type autocannon from 'autocannon'
import type { AssertionPool } from './assertions.js'
import type { Endpoint } from './setup.js'

export const FLOW_STEPS = 4

export interface FlowInput {
  readonly pool: AssertionPool
  readonly epjSystem: string
  readonly nin: string
  readonly recordId: string
  readonly doctor: Readonly<Record<string, string>>
}

type Context = Record<string, unknown>

/** Reads one field of a JSON answer into the context; a failed step leaves it unset, so the next fails visibly. */
function keep (key: string, read: (body: Record<string, unknown>) => unknown) {
  return (status: number, body: string, context: object): void => {
    const kept = context as Context
    kept[key] = undefined
    if (status < 200 || status >= 300) return
    try {
      kept[key] = read(JSON.parse(body) as Record<string, unknown>)
    } catch {
      // An unreadable answer is a failure the next step's answer shows.
    }
  }
}

const withHeaders = (req: autocannon.Request, headers: Record<string, string>): autocannon.Request =>
  ({ ...req, headers: { ...req.headers, ...headers } })

export function ehrFlow (input: FlowInput): Endpoint {
  const form = { 'content-type': 'application/x-www-form-urlencoded' }
  const token: autocannon.Request = {
    method: 'POST',
    path: '/connect/token',
    headers: form,
    setupRequest: (req) => ({ ...req, body: input.pool.take() }),
    onResponse: keep('system', (b) => b.access_token)
  }
  const indicator: autocannon.Request = {
    method: 'POST',
    path: '/v1/helseindikator',
    headers: { 'x-epj-system': input.epjSystem, 'content-type': 'application/json;charset=UTF-8' },
    body: JSON.stringify({ fnr: input.nin, samtykke: 'HPMOTTATTSAMTYKKE' }),
    setupRequest: (req, context) => withHeaders(req, { authorization: `Bearer ${String((context as Context).system)}` }),
    onResponse: keep('ticket', (b) => b.ticket)
  }
  const userToken: autocannon.Request = {
    method: 'POST',
    path: '/v2/create-test-token-with-key',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ audience: 'nhn:kjernejournal', userClaimsParameters: input.doctor, expirationParameters: { expirationTimeInSeconds: 3600 } }),
    onResponse: keep('user', (b) => (b.successResponse as { accessTokenJwt?: unknown } | undefined)?.accessTokenJwt)
  }
  const read: autocannon.Request = {
    method: 'GET',
    path: `/v1/fhir/AllergyIntolerance/${input.recordId}`,
    headers: { 'x-epj-system': input.epjSystem, accept: 'application/fhir+json' },
    setupRequest: (req, context) => withHeaders(req, {
      authorization: `Bearer ${String((context as Context).user)}`,
      'x-kj-ticket': String((context as Context).ticket)
    })
  }
  return {
    name: 'ehr-flow',
    label: 'EHR flow: token -> helseindikator -> user token -> FHIR read (flows/s)',
    method: 'POST',
    path: '/connect/token',
    headers: form,
    pool: input.pool,
    sequence: [token, indicator, userToken, read]
  }
}
