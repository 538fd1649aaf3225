/**
 * POST /v2/create-test-token-with-key: HelseID's test-token service (TTT), so vendors' TTT
 * scripts run unchanged against the sandbox. Tokens are signed with the sandbox's HelseID key,
 * so they verify against its JWKS as real TTT tokens verify against HelseID test's.
 * Every answer, errors included, has the TTT's `TestTokenResponse` shape.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/tilgang-til-helseid/test-token-tjenesten/docs/test-token-tjenesten_enmd
 */
import type { FastifyPluginAsync } from 'fastify'
import { ENDPOINT_PATHS } from '../../domain/helseid/discovery.js'
import { parseTestTokenRequest } from '../../domain/helseid/test-token/request.js'
import { successResponse } from '../../domain/helseid/test-token/response.js'
import { createTestTokens } from '../../domain/helseid/test-token/service.js'
import { useFace } from '../../faces/index.js'
import { clientJwtNow } from '../shared/client-jwt-now.js'
import { TEST_TOKEN_DOC } from './docs.js'
import { lenient } from '../shared/leniency.js'

const testToken: FastifyPluginAsync = async (app) => {
  const { sandbox } = app

  // This plugin is encapsulated, so the handler covers this route only: its framework errors
  // (bad JSON, wrong content type, too large) answer in the TTT's shape, not OAuth's.
  useFace(app, 'test-token', { notFound: false })

  app.post(ENDPOINT_PATHS.testToken, { schema: TEST_TOKEN_DOC }, async (request, reply) => {
    // The real TTT wants an API key from HelseID Selvbetjening in X-Auth-Key. The sandbox needs
    // none: it ignores the header, so scripts that send one work as they are.
    const ttt = parseTestTokenRequest(request.body)
    const session = request.sandboxSession
    const tokens = await createTestTokens(ttt, {
      issuer: request.issuer,
      now: session.clock.epochSeconds(),
      proofNow: clientJwtNow(request),
      keys: sandbox.keys,
      people: sandbox.world.users,
      onSynthesisedHpr: (pid, hprNumber) => {
        lenient(request, 'synthesised-hpr-number', `getHprNumberFromHprregisteret for pid ${pid}, whom no fixture user is; the token got the synthesised HPR number ${hprNumber}`)
      }
    })
    request.log.debug({ audience: ttt.audience, dpop: tokens.dPoPProof !== null }, 'test token issued')
    return reply.header('cache-control', 'no-store').send(successResponse(tokens))
  })
}

export default testToken
