/** Discovery document and JWKS. */
import type { FastifyPluginAsync } from 'fastify'
import { discoveryDocument, ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { DISCOVERY_DOC, JWKS_DOC } from './docs.js'

const discovery: FastifyPluginAsync = async (app) => {
  const { sandbox } = app
  app.get('/.well-known/openid-configuration', { schema: DISCOVERY_DOC }, async (request) =>
    discoveryDocument(request.issuer, { requireDpop: sandbox.config.REQUIRE_DPOP }))

  app.get(ENDPOINT_PATHS.jwks, { schema: JWKS_DOC }, async (_request, reply) => reply.header('cache-control', 'max-age=3600, public').send(sandbox.keys.jwks))
}

export default discovery
