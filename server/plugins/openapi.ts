/**
 * The OpenAPI 3.1 document of every route (`/openapi.json`) and Swagger UI at `/docs`, served from
 * the installed package, so it works offline. Registered before the routes: it learns them as they
 * are added. Route schemas only describe: Fastify's validator and serializer are switched off for
 * the whole app where it is made (server/schema-compilers.ts).
 */
import swagger from '@fastify/swagger'
import swaggerUi from './lazy-swagger-ui.js'
import fp from 'fastify-plugin'
import { SECURITY_SCHEMES, SHARED_SCHEMAS } from '../openapi/components.js'
import { describeByFace } from '../openapi/transform.js'

export default fp(async (app) => {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kjernejournal-sandbox',
        version: '0.1.0',
        description: 'A local stand-in for Kjernejournal and HelseID: the HelseID endpoints, the Kjernejournal REST face, the critical-information FHIR API, the ticket-based FHIR face, and the sandbox control API under /__admin. Get a token from POST /connect/token (or POST /__admin/tokens), then Authorize with it.'
      },
      servers: [{ url: app.sandbox.config.PUBLIC_URL }],
      tags: [
        { name: 'HelseID', description: 'Discovery, tokens, login, and the test-token service' },
        { name: 'Kjernejournal REST', description: 'ping and helseindikator (system token, X-EPJ-System)' },
        { name: 'Kjernejournal FHIR (ticket)', description: 'The ticket-based FHIR face (user token, X-KJ-Ticket)' },
        { name: 'Critical information FHIR API', description: 'The critical-information API (nhn-* headers)' },
        { name: 'Kjernejournal portal', description: 'The portal stand-in and its Innlogging API' },
        { name: 'sandbox control', description: 'Sessions, clock, scenarios, journal, clients, patients, error catalogue' }
      ],
      components: { securitySchemes: SECURITY_SCHEMES }
    },
    // Shared schemas keep their own names in components.schemas (RestError, not def-0).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => typeof json.$id === 'string' ? json.$id : `def-${i}` },
    transform: describeByFace
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true } })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}, { name: 'openapi', fastify: '5.x', dependencies: ['sandbox'] })
