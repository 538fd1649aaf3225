/**
 * The JSON Schema of a coverage snapshot (GET /__admin/coverage), beside coverage.ts where the
 * shape is decided; the OpenAPI document and its drift test use it.
 */
import { CATALOGUE_FACES } from '../faces.js'
import { COVERAGE_SITUATIONS } from './coverage.js'

const counts = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } }

export const COVERAGE_SCHEMA = {
  type: 'object',
  required: ['requests', 'faces', 'endpoints', 'helseindikatorStatuses', 'codes', 'notServed', 'situations'],
  properties: {
    requests: { type: 'integer', minimum: 0 },
    faces: { type: 'array', items: { type: 'string' }, description: 'The faces requests went to, in the order first used' },
    endpoints: {
      type: 'object',
      description: '`METHOD /route/pattern` -> its count and statuses',
      additionalProperties: { type: 'object', required: ['count', 'statuses'], properties: { count: { type: 'integer' }, statuses: counts } }
    },
    helseindikatorStatuses: { ...counts, description: 'Status 0-4 -> how many answers had it (zeros included)' },
    codes: { ...counts, description: 'Error code (KJF-..., oauth:invalid_client) -> count' },
    notServed: {
      type: 'object',
      description: 'For each Kjernejournal face used: the catalogue codes it has not served yet',
      properties: Object.fromEntries(CATALOGUE_FACES.map((face) => [face, { type: 'array', items: { type: 'string' } }]))
    },
    situations: { type: 'object', required: [...COVERAGE_SITUATIONS], properties: Object.fromEntries(COVERAGE_SITUATIONS.map((s) => [s, { type: 'integer', minimum: 0 }])) }
  }
}
