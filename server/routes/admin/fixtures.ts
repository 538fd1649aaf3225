/** GET /__admin/fixtures (load errors) and POST /__admin/fixtures/reload. */
import type { FastifyPluginAsync } from 'fastify'
import { describeLazily } from '../../openapi/lazy.js'

/** The answer of both: the folder and the watcher's FixtureStatus. */
const FIXTURES_SCHEMA = {
  type: 'object',
  required: ['dir', 'errors', 'reloads'],
  properties: {
    dir: { type: 'string', description: 'The fixture folder: FIXTURES_DIR, else the built-in one' },
    errors: { type: 'array', items: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } }, description: 'Why the last load failed; empty when it worked' },
    reloads: { type: 'integer', minimum: 0 }
  }
}

const fixtures: FastifyPluginAsync = async (app) => {
  const tags = ['sandbox control']
  const answer = { 200: { description: 'The fixture folder and load errors', schema: FIXTURES_SCHEMA } }
  app.get('/fixtures', { schema: describeLazily(() => ({ tags, summary: 'Fixture folder and load errors', responses: answer })) }, async () => ({ dir: app.sandbox.fixturesDir, ...app.fixtureStatus }))
  app.post('/fixtures/reload', { schema: describeLazily(() => ({ tags, summary: 'Re-read the fixtures now; no body', responses: answer })) }, async () => ({ dir: app.sandbox.fixturesDir, ...await app.reloadFixtures() }))
}

export default fixtures
