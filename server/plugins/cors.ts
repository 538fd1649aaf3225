/**
 * CORS for browser-based EHRs (CORS_ORIGINS): preflights answered, the request headers the
 * sandbox's faces read allowed, and the answer headers an EHR needs to see (error codes, event
 * id, FHIR versioning, DPoP nonce) exposed. Off unless CORS_ORIGINS is set: a sandbox on a
 * shared network should not be callable from every web page a tester opens.
 */
import fastifyCors from '@fastify/cors'
import fp from 'fastify-plugin'
import type { Config } from '../config.js'

/** Request headers a browser may send (beyond the CORS-safelisted ones). */
export const CORS_ALLOWED_HEADERS = [
  'Authorization', 'Content-Type', 'Accept', 'DPoP', 'If-Match',
  'X-EPJ-System', 'X-KJ-Ticket', 'KJ-SAMTYKKE-BRUK', 'KJ-SAMTYKKE-SPERRET-KRITISKINFO',
  'nhn-patient-nin', 'nhn-access-basis', 'nhn-user-role', 'nhn-source-system', 'nhn-event-id',
  'hit-patient-pid', 'hit-access-basis', 'hit-user-role', 'hit-source-system', 'hit-event-id',
  'X-Auth-Key', 'X-Sandbox-Session', 'X-Sandbox-Scenario', 'X-Sandbox-Force-Error', 'X-Sandbox-Force-Diagnostics'
] as const

/** Answer headers a browser's script may read (beyond the CORS-safelisted ones). */
export const CORS_EXPOSED_HEADERS = [
  'nhn-error-code', 'X-KJ-Feilkode', 'X-EVENT-ID', 'ETag', 'Location', 'Last-Modified',
  'DPoP-Nonce', 'WWW-Authenticate', 'Retry-After', 'X-Sandbox-Hint'
] as const

export default fp<{ origins: Config['CORS_ORIGINS'] }>(async (app, { origins }) => {
  if (origins === undefined) return
  await app.register(fastifyCors, {
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    // Browsers cache the preflight for ten minutes: one OPTIONS per endpoint, not per call.
    maxAge: 600
  })
}, { name: 'cors', fastify: '5.x' })
