/**
 * The JSON Schema of `PersistenceStatus` (GET /__admin/persistence), beside the persistence that
 * decides the shape; the OpenAPI document uses it.
 */
const count = { type: 'integer', minimum: 0 }

export const PERSISTENCE_STATUS_SCHEMA = {
  type: 'object',
  required: ['enabled', 'location', 'restored', 'interruptedWrites', 'problems', 'storedSessions', 'writes', 'failedWrites', 'lastError'],
  properties: {
    enabled: { type: 'boolean', description: 'DATA_DIR is set' },
    location: { type: ['string', 'null'] },
    restored: {
      type: 'object',
      description: 'What was read back at start',
      required: ['clients', 'patients', 'organisations', 'sessions', 'bytes'],
      properties: { clients: count, patients: count, organisations: count, sessions: count, bytes: count }
    },
    interruptedWrites: count,
    problems: {
      type: 'array',
      description: 'Files that could not be used at start, moved aside',
      items: { type: 'object', required: ['file', 'message'], properties: { file: { type: 'string' }, message: { type: 'string' }, movedTo: { type: 'string' } } }
    },
    storedSessions: count,
    writes: count,
    failedWrites: count,
    lastError: { type: ['string', 'null'] }
  }
}
