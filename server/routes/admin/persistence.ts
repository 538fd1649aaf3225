/** GET /__admin/persistence: DATA_DIR, what was restored at start, files set aside, writes. */
import type { FastifyPluginAsync } from 'fastify'
import { describeLazily } from '../../openapi/lazy.js'
import { PERSISTENCE_STATUS_SCHEMA } from '../../persistence/status-schema.js'

const persistence: FastifyPluginAsync = async (app) => {
  app.get('/persistence', {
    schema: describeLazily(() => ({
      tags: ['sandbox control'],
      summary: 'What DATA_DIR holds: restored at start, unusable files set aside, writes since',
      responses: { 200: { description: 'The status', schema: PERSISTENCE_STATUS_SCHEMA } }
    }))
  }, async () =>
    app.persistence.status())
}

export default persistence
