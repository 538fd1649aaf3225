/**
 * What every route of a face shares in the OpenAPI document, decided once per face: its tag, its
 * security, and its error answers (the face's wire shape, server/faces). The document's transform
 * adds these to every route of the face, so a new route needs only its own summary, parameters,
 * body and success answer (`describe` in server/openapi/describe.ts).
 */
import type { Face } from '../domain/faces.js'
import { ref, TOKEN_SECURITY, type JsonSchema } from './components.js'

export interface FaceDoc {
  readonly tag: string
  readonly security?: ReadonlyArray<Record<string, readonly string[]>>
  /** The face's error body, one media type, answered for any 4xx and 5xx. */
  readonly errorMedia: string
  readonly errorSchema: JsonSchema
  /** Headers every error answer carries. */
  readonly errorHeaders?: Readonly<Record<string, JsonSchema>>
}

const CODE_HEADERS = {
  'nhn-error-code': { type: 'string', description: 'The error code, as in the body' },
  'X-KJ-Feilkode': { type: 'string', description: 'The error code again (older name)' }
}

const FHIR_ERROR = { errorMedia: 'application/fhir+json', errorSchema: ref('OperationOutcome'), errorHeaders: CODE_HEADERS }

export const FACE_DOCS: Readonly<Record<Face | 'other', FaceDoc>> = {
  helseid: { tag: 'HelseID', errorMedia: 'application/json', errorSchema: ref('OAuthError') },
  rest: { tag: 'Kjernejournal REST', security: TOKEN_SECURITY, errorMedia: 'application/json', errorSchema: ref('RestError'), errorHeaders: CODE_HEADERS },
  'fhir-legacy': { tag: 'Kjernejournal FHIR (ticket)', security: TOKEN_SECURITY, ...FHIR_ERROR },
  'critical-information': { tag: 'Critical information FHIR API', security: TOKEN_SECURITY, ...FHIR_ERROR },
  portal: { tag: 'Kjernejournal portal', errorMedia: 'application/json', errorSchema: ref('RestError') },
  admin: { tag: 'sandbox control', security: [{}, { adminToken: [] }], errorMedia: 'application/json', errorSchema: ref('AdminError') },
  other: { tag: 'sandbox control', errorMedia: 'application/json', errorSchema: ref('AdminError') }
}
