/**
 * What the portal routes say in the OpenAPI document: the Innlogging API's bodies and answers
 * (the answers as session-api.ts builds them) and the legacy page's query. The portal's error
 * answers come from its face (server/openapi/faces.ts).
 */
import { CREATE_SESSION_SCHEMA, SESSION_ID_SCHEMA } from '../../domain/portal/session-request-schema.js'
import type { RouteDoc } from '../../openapi/describe.js'
import { describeLazily } from '../../openapi/lazy.js'

const JSON_MEDIA = 'application/json'
const HTML = { description: 'An HTML page', media: 'text/html', schema: { type: 'string' } }
/** The Innlogging API takes only DPoP-bound user tokens. */
const DPOP = [{ dpopToken: [], dpopProof: [] }]
const base = { tags: ['Kjernejournal portal'], security: DPOP }

const doc = (route: RouteDoc) => describeLazily(() => route)

/** The legacy page's errors are an HTML error page (server/faces/portal.ts), not the API's JSON. */
const CODE_HEADERS = { 'nhn-error-code': { type: 'string', description: 'The error code (AUT_..., KJF-...), as on the page' } }
const PAGE_ERRORS = {
  '4XX': { ...HTML, description: 'The portal\'s error page, naming the code', headers: CODE_HEADERS },
  '5XX': { ...HTML, description: 'The portal\'s error page (the sandbox or a scenario failed)', headers: CODE_HEADERS }
}

export const CREATE_DOC = doc({
  ...base,
  summary: 'Create a portal session for a patient (Innlogging): a one-time code for hentpasient.html',
  description: 'JSON, with or without a Content-Type (NHN\'s sample EHR sends none for refresh and end).',
  body: { media: JSON_MEDIA, schema: CREATE_SESSION_SCHEMA },
  responses: {
    200: {
      description: 'The code to open the portal with, and the session',
      schema: { type: 'object', required: ['code', 'sessionId'], properties: { code: { type: 'string', description: 'One-time; hentpasient.html?code=&ehr_code_verifier=' }, sessionId: { type: 'string' } } }
    }
  }
})

export const REFRESH_DOC = doc({
  ...base,
  summary: 'Keep a portal session alive',
  body: { media: JSON_MEDIA, schema: SESSION_ID_SCHEMA },
  responses: {
    200: {
      description: 'The session\'s new expiry',
      schema: {
        type: 'object',
        required: ['sessionId', 'expiresAt', 'expires_in'],
        properties: { sessionId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, expires_in: { type: 'integer', description: 'Seconds' } }
      }
    }
  }
})

export const END_DOC = doc({
  ...base,
  summary: 'End a portal session',
  body: { media: JSON_MEDIA, schema: SESSION_ID_SCHEMA },
  responses: { 204: { description: 'Ended; no body' } }
})

export const PING_DOC = doc({
  ...base,
  summary: 'Does my token work against Innlogging (the call NHN\'s TestTokenDemo makes)',
  headers: { properties: { 'X-SOURCE-SYSTEM': { type: 'string', description: 'The EHR system\'s name' } } },
  responses: {
    200: {
      description: 'The sandbox clock\'s time, in the field PING_FIELD names (`Pong` by default)',
      schema: { type: 'object', required: ['Pong'], properties: { Pong: { type: 'string', format: 'date-time' } } },
      example: { Pong: '2026-12-01T10:00:00.000Z' }
    }
  }
})

const str = (description: string) => ({ type: 'string', description })

export const PATIENT_PAGE_DOC = doc({
  tags: ['Kjernejournal portal'],
  summary: 'The portal\'s patient page: opened with ?ticket= (then a login), or with ?code=&ehr_code_verifier= from Innlogging',
  query: {
    ticket: str('A ticket from helseindikator, URL-encoded (a + left unencoded is AUT_119)'),
    login_hint: str('The user\'s pid: skips the login page'),
    test_pid: str('The same as login_hint'),
    error: str('The login\'s error (the user cancelled): AUT_110'),
    code: str('The one-time code from POST /api/session/create'),
    ehr_code_verifier: str('The verifier whose hash was sent as ehr_code_challenge')
  },
  responses: { 200: { ...HTML, description: 'The patient page, or the login page when no user is given yet' }, ...PAGE_ERRORS }
})

export const LOGGED_OUT_DOC = doc({ tags: ['Kjernejournal portal'], summary: 'The portal\'s logged-out page', responses: { 200: { ...HTML, description: 'The logged-out page' }, ...PAGE_ERRORS } })
