/**
 * The JSON Schema of an error-catalogue entry (GET /__admin/errors), beside the catalogue whose
 * entries it describes; the OpenAPI document uses it.
 */
import { CATALOGUE_FACES } from './faces.js'

export const CATALOGUE_ENTRY_SCHEMA = {
  type: 'object',
  required: ['code', 'legacyCode', 'kind', 'text', 'httpStatus', 'faces'],
  properties: {
    code: { type: 'string' },
    legacyCode: { type: 'string', description: 'The Kjernejournal legacy code' },
    kind: { enum: ['KJF', 'KJS', 'KJX', 'AUT', 'KI'] },
    text: { type: 'string' },
    httpStatus: { type: 'integer' },
    faces: { type: 'array', items: { enum: [...CATALOGUE_FACES] } }
  },
  examples: [{ code: 'KJF-000013', legacyCode: 'KJF-000013', kind: 'KJF', text: 'Unknown organisation', httpStatus: 403, faces: ['rest'] }]
}
