/** Calls the two FHIR faces as an EHR does, with tokens from the test-token service. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { testToken } from './kj.js'
import { helseindikator } from './kj.js'

export const CI = '/api/critical-information/v1'

export interface Person { pid: string, hpr?: string, level?: string }
export const DOCTOR: Person = { pid: '01887840020', hpr: '900100101' }
export const NURSE: Person = { pid: '15897140001', hpr: '900100202' }

/** A user token for the critical-information API (audience nhn:critical-information). */
export async function ciToken (app: FastifyInstance, user: Person | null = DOCTOR, extra: Record<string, unknown> = {}): Promise<string> {
  return testToken(app, {
    audience: 'nhn:critical-information',
    clientClaimsParameters: { scope: ['nhn:critical-information/api'] },
    ...(user === null
      ? { withoutDefaultUserClaims: true }
      : { userClaimsParameters: { pid: user.pid, ...(user.hpr !== undefined && { hprNumber: user.hpr }), securityLevel: user.level ?? '4' } }),
    ...extra
  })
}

export function roleHeader (code: string): string {
  return encodeURIComponent(JSON.stringify({ system: 'urn:oid:2.16.578.1.12.4.1.1.9060', code }))
}

export function ciHeaders (nin: string, options: { role?: string, basis?: string } = {}): Record<string, string> {
  return {
    'nhn-patient-nin': nin,
    'nhn-access-basis': options.basis ?? 'SAMTYKKE',
    'nhn-user-role': roleHeader(options.role ?? 'LE'),
    'nhn-source-system': 'Sandbox test EHR 1.0'
  }
}

export async function ci (app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: { token: string, nin: string, body?: unknown, role?: string, basis?: string, headers?: Record<string, string> }) {
  return app.inject({
    method,
    url: `${CI}${path}`,
    headers: {
      authorization: `Bearer ${options.token}`,
      ...ciHeaders(options.nin, options),
      ...(options.body !== undefined && { 'content-type': 'application/fhir+json; charset=UTF-8' }),
      ...options.headers
    },
    ...(options.body !== undefined && { payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) })
  })
}

/** A ticket for the patient, from helseindikator with a system token. */
export async function ticketFor (app: FastifyInstance, nin: string, samtykke: string | null = 'HPMOTTATTSAMTYKKE'): Promise<string> {
  const res = await helseindikator(app, { fnr: nin, ...(samtykke !== null && { samtykke }) })
  const ticket = res.json().ticket as string | undefined
  if (ticket === undefined) throw new Error(`no ticket for ${nin}: ${res.body}`)
  return ticket
}

/** A user token for the ticket-based face (audience nhn:kjernejournal). */
export async function kjUserToken (app: FastifyInstance, user: Person = DOCTOR): Promise<string> {
  return testToken(app, { userClaimsParameters: { pid: user.pid, ...(user.hpr !== undefined && { hprNumber: user.hpr }), securityLevel: '4' } })
}

export async function legacy (app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: { token: string, ticket?: string, body?: unknown, headers?: Record<string, string> }) {
  return app.inject({
    method,
    url: `/v1/fhir${path}`,
    headers: {
      authorization: `Bearer ${options.token}`,
      'x-epj-system': 'Sandbox test EHR 1.0',
      ...(options.ticket !== undefined && { 'x-kj-ticket': options.ticket }),
      ...(options.body !== undefined && { 'content-type': 'application/fhir+json; charset=UTF-8' }),
      ...options.headers
    },
    ...(options.body !== undefined && { payload: JSON.stringify(options.body) })
  })
}

/** An OperationOutcome error as seed 001 shows it, with its code in both headers. */
export function expectOutcome (t: Test, res: LightMyRequestResponse, code: string, status: number): void {
  t.equal(res.statusCode, status, `${code}: HTTP ${status}`)
  t.equal(res.headers['nhn-error-code'], code)
  t.equal(res.headers['x-kj-feilkode'], code)
  const body = res.json()
  t.equal(body.resourceType, 'OperationOutcome')
  t.equal(body.id, res.headers['x-event-id'], 'OperationOutcome.id is the event id')
  t.equal(body.issue[0].details.coding.find((c: { system: string }) => c.system === 'http://nhn.no/hit/fhir/error/CodeSystem/ErrorCode').code, code)
}

/** A ticket-face error as NHN's error-handling page shows it: the KJF code in issue[0], the message in issue[1]. */
export function expectTicketOutcome (t: Test, res: LightMyRequestResponse, code: string, status: number): void {
  t.equal(res.statusCode, status, `${code}: HTTP ${status}`)
  t.equal(res.headers['nhn-error-code'], code)
  t.equal(res.headers['x-kj-feilkode'], code)
  t.equal(res.headers['content-type'], 'application/fhir+json; charset=utf-8')
  t.ok(typeof res.headers['x-event-id'] === 'string', 'X-EVENT-ID as before')
  const body = res.json()
  t.same(Object.keys(body).sort(), ['issue', 'resourceType'], 'no id, no other members')
  t.equal(body.resourceType, 'OperationOutcome')
  t.equal(body.issue.length, 2, 'two issues')
  t.same(body.issue[0], { severity: 'error', code: 'processing', diagnostics: code }, 'issue[0] carries the code alone')
  t.match(body.issue[1], { severity: 'error', code: 'processing', diagnostics: String })
  t.notOk('details' in body.issue[1], 'no details.coding on the ticket face')
}

/** How many resources a search Bundle lists: `entry` only, as NHN's examples show (no `total` unless BUNDLE_EXTRAS). */
export function entryCount (res: { json(): unknown }): number {
  const body = res.json() as { entry?: unknown[] }
  return body.entry?.length ?? 0
}
