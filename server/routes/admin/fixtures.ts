/** GET /__admin/fixtures (load errors) and POST /__admin/fixtures/reload. */
import type { FastifyPluginAsync } from 'fastify'

const fixtures: FastifyPluginAsync = async (app) => {
  const tag = { tags: ['sandbox control'] }
  app.get('/fixtures', { schema: { ...tag, summary: 'Fixture folder and load errors' } }, async () => ({ dir: app.sandbox.fixturesDir, ...app.fixtureStatus }))
  app.post('/fixtures/reload', { schema: { ...tag, summary: 'Re-read the fixtures now' } }, async () => ({ dir: app.sandbox.fixturesDir, ...await app.reloadFixtures() }))
}

export default fixtures
