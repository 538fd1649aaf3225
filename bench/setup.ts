/**
 * Prepares a running sandbox for the load, through its public API as an EHR would: registers the
 * bench client, gets a system token, user tokens and a ticket, and writes 50 records for one
 * patient. Then describes each measured request, and checks that each answers 2xx once.
 */
import type autocannon from 'autocannon'
import { sampleResource } from '../server/domain/critical-info/samples.js'
import { AssertionPool, BENCH_CLIENT_ID, benchClient, tokenForm } from './assertions.js'
import { ehrFlow } from './flow.js'

/** Status 4 in the fixtures (README, Synthetic world). */
export const STATUS4_NIN = '17815810112'
/** An everyday status-2 patient; the bench gives them 50 records. */
export const RECORDS_NIN = '24868510168'
export const RECORD_COUNT = 50
const EPJ_SYSTEM = 'kjernejournal-sandbox bench 1.0'
const DOCTOR = { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }
const ROLE = encodeURIComponent(JSON.stringify({ system: 'urn:oid:2.16.578.1.12.4.1.1.9060', code: 'LE' }))
const CI = '/api/critical-information/v1'

export interface Endpoint {
  readonly name: string
  readonly label: string
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** A fresh body for every request (the token endpoint's single-use assertions). */
  readonly pool?: AssertionPool
  /**
   * Several requests in turn on each connection, each step reading what the one before answered
   * (bench/flow.ts); the row counts whole sequences per second. The fields above describe the first step.
   */
  readonly sequence?: readonly autocannon.Request[]
}

export const FLOOR: Endpoint = { name: 'floor', label: 'floor: GET /__admin/health (bare fastify)', method: 'GET', path: '/__admin/health', headers: {} }

async function call (base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number, text: string }> {
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined && { body }) })
  return { status: res.status, text: await res.text() }
}

async function json (base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Record<string, unknown>> {
  const res = await call(base, method, path, headers, body)
  if (res.status < 200 || res.status >= 300) throw new Error(`setup: ${method} ${path} answered ${res.status}: ${res.text.slice(0, 500)}`)
  return JSON.parse(res.text) as Record<string, unknown>
}

async function testToken (base: string, request: Record<string, unknown>): Promise<string> {
  const body = await json(base, 'POST', '/v2/create-test-token-with-key', { 'content-type': 'application/json' }, JSON.stringify({
    expirationParameters: { expirationTimeInSeconds: 3600 }, ...request
  }))
  return (body.successResponse as { accessTokenJwt: string }).accessTokenJwt
}

/** Sets the sandbox up and returns the sandbox requests to measure, in the order they run. */
export async function prepare (base: string): Promise<Endpoint[]> {
  const client = benchClient()
  await json(base, 'POST', '/__admin/clients', { 'content-type': 'application/json' }, JSON.stringify(client.registration))
  const form = { 'content-type': 'application/x-www-form-urlencoded' }
  const audience = `${base}/connect/token`
  const system = await json(base, 'POST', '/connect/token', form, tokenForm(client, audience, 'nhn:kjernejournal/api'))
  const systemToken = system.access_token as string
  const kjUser = await testToken(base, { audience: 'nhn:kjernejournal', userClaimsParameters: DOCTOR })
  const ciUser = await testToken(base, { audience: 'nhn:critical-information', clientClaimsParameters: { scope: ['nhn:critical-information/api'] }, userClaimsParameters: DOCTOR })

  const kj = { authorization: `Bearer ${systemToken}`, 'x-epj-system': EPJ_SYSTEM }
  const ciHeaders = {
    authorization: `Bearer ${ciUser}`,
    'nhn-patient-nin': RECORDS_NIN,
    'nhn-access-basis': 'SAMTYKKE',
    'nhn-user-role': ROLE,
    'nhn-source-system': EPJ_SYSTEM,
    accept: 'application/fhir+json'
  }
  let firstId = ''
  for (let i = 0; i < RECORD_COUNT; i++) {
    const body = sampleResource('KjAllergyIntolerance', RECORDS_NIN, { text: `Bench record ${i + 1}`, criticalInfoType: 'DrugReaction' })
    const created = await json(base, 'POST', `${CI}/AllergyIntolerance`, { ...ciHeaders, 'content-type': 'application/fhir+json; charset=UTF-8' }, JSON.stringify(body))
    if (i === 0) firstId = created.id as string
  }
  const indicator = await json(base, 'POST', '/v1/helseindikator', { ...kj, 'content-type': 'application/json;charset=UTF-8' },
    JSON.stringify({ fnr: RECORDS_NIN, samtykke: 'HPMOTTATTSAMTYKKE' }))
  const ticket = indicator.ticket as string
  const legacy = { authorization: `Bearer ${kjUser}`, 'x-epj-system': EPJ_SYSTEM, 'x-kj-ticket': ticket, accept: 'application/fhir+json' }
  const pool = new AssertionPool(() => tokenForm(client, audience, 'nhn:kjernejournal/api'))
  const flowPool = new AssertionPool(() => tokenForm(client, audience, 'nhn:kjernejournal/api'))

  return [
    { name: 'ping', label: 'GET /v1/ping', method: 'GET', path: '/v1/ping', headers: kj },
    {
      name: 'helseindikator',
      label: 'POST /v1/helseindikator (status 4)',
      method: 'POST',
      path: '/v1/helseindikator',
      headers: { ...kj, 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify({ fnr: STATUS4_NIN, samtykke: 'HPMOTTATTSAMTYKKE' })
    },
    { name: 'fhir-read', label: 'GET /v1/fhir/AllergyIntolerance/{id} (ticket)', method: 'GET', path: `/v1/fhir/AllergyIntolerance/${firstId}`, headers: legacy },
    { name: 'fhir-search', label: `GET /v1/fhir/AllergyIntolerance (ticket, ${RECORD_COUNT} hits)`, method: 'GET', path: '/v1/fhir/AllergyIntolerance', headers: legacy },
    { name: 'ci-read', label: `GET ${CI}/AllergyIntolerance/{id}`, method: 'GET', path: `${CI}/AllergyIntolerance/${firstId}`, headers: ciHeaders },
    { name: 'ci-search', label: `GET ${CI}/AllergyIntolerance (${RECORD_COUNT} hits)`, method: 'GET', path: `${CI}/AllergyIntolerance`, headers: ciHeaders },
    { name: 'token', label: `POST /connect/token (client_credentials, ${BENCH_CLIENT_ID})`, method: 'POST', path: '/connect/token', headers: form, pool },
    ehrFlow({ pool: flowPool, epjSystem: EPJ_SYSTEM, nin: RECORDS_NIN, recordId: firstId, doctor: DOCTOR })
  ]
}

/** Sends the request once; throws unless it answers 2xx, so no run measures error answers. */
export async function preflight (base: string, endpoint: Endpoint, check?: (body: string) => string | undefined): Promise<void> {
  const body = endpoint.pool !== undefined ? endpoint.pool.take() : endpoint.body
  const res = await call(base, endpoint.method, endpoint.path, { ...endpoint.headers }, body)
  if (res.status < 200 || res.status >= 300) throw new Error(`${endpoint.label} answered ${res.status} before the run: ${res.text.slice(0, 500)}`)
  const problem = check?.(res.text)
  if (problem !== undefined) throw new Error(`${endpoint.label}: ${problem}`)
}

/** What the answers must contain to count as the intended one (a 2xx of the wrong kind is still wrong). */
export function expectation (name: string): ((body: string) => string | undefined) | undefined {
  switch (name) {
    case 'helseindikator': return (b) => (JSON.parse(b) as { status?: number }).status === 4 ? undefined : `status is not 4: ${b.slice(0, 200)}`
    case 'fhir-search': case 'ci-search': return (b) => {
      // Search Bundles carry no total unless BUNDLE_EXTRAS: count the entries, as an EHR does.
      const total = (JSON.parse(b) as { entry?: unknown[] }).entry?.length
      return total === RECORD_COUNT ? undefined : `search found ${String(total)} records, not ${RECORD_COUNT}`
    }
    default: return undefined
  }
}
