/**
 * The OpenAPI document of every route (`/openapi.json`) and Swagger UI at `/docs`, served from the
 * installed package, so it works offline. Registered before the routes: it learns them as they
 * are added.
 */
import swagger from '@fastify/swagger'
import swaggerUi from './lazy-swagger-ui.js'
import fp from 'fastify-plugin'

export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kjernejournal-sandbox',
        version: '0.1.0',
        description: 'A local stand-in for Kjernejournal and HelseID: the HelseID endpoints, the Kjernejournal REST face, the critical-information FHIR API, the ticket-based FHIR face, and the sandbox control API under /__admin.'
      },
      servers: [{ url: app.sandbox.config.PUBLIC_URL }],
      tags: [
        { name: 'sandbox control', description: 'Sessions, clock, scenarios, journal, clients, patients, error catalogue' }
      ]
    }
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}, { name: 'openapi', fastify: '5.x', dependencies: ['sandbox'] })
