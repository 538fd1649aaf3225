/** GET /__admin/persistence: DATA_DIR, what was restored at start, files set aside, writes. */
import type { FastifyPluginAsync } from 'fastify'

const persistence: FastifyPluginAsync = async (app) => {
  app.get('/persistence', { schema: { tags: ['sandbox control'], summary: 'What DATA_DIR holds: restored at start, unusable files set aside, writes since' } }, async () =>
    app.persistence.status())
}

export default persistence
