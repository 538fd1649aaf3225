/**
 * POST /__admin/tokens: the dashboard's token form as an API. A user, an organisation, an API and
 * switches that break the token on purpose (see quick-mint.ts); the token comes from the
 * test-token service's own code, so it is exactly what a TTT script would get.
 */
import type { FastifyPluginAsync } from 'fastify'
import { decodeJwt } from 'jose'
import { parseTestTokenRequest } from '../../domain/helseid/test-token/request.js'
import { TestTokenError } from '../../domain/helseid/test-token/response.js'
import { createTestTokens } from '../../domain/helseid/test-token/service.js'
import { QUICK_MINT_FLAG_INFO, QuickMintError, quickMintRequest, quickMintSchema } from '../../domain/helseid/test-token/quick-mint.js'
import { AdminError } from '../../domain/admin-error.js'
import { describeLazily } from '../../openapi/lazy.js'
import { jsonSchemaOf } from '../../openapi/zod.js'
import { clientJwtNow } from '../shared/client-jwt-now.js'

/** The answer built below, for the OpenAPI document. */
const MINTED_SCHEMA = {
  type: 'object',
  required: ['accessToken', 'tokenType', 'audience', 'flags', 'expectedCodes', 'claims'],
  properties: {
    accessToken: { type: 'string', description: 'The access token (a JWT)' },
    tokenType: { const: 'Bearer' },
    audience: { type: 'string' },
    flags: { type: 'array', items: { type: 'string' } },
    expectedCodes: {
      type: 'array',
      description: 'What the REST face answers for each switch on its own',
      items: { type: 'object', required: ['flag', 'code'], properties: { flag: { type: 'string' }, code: { type: 'string' } } }
    },
    claims: { type: 'object', description: "The token's claims, decoded" }
  }
}

const tokens: FastifyPluginAsync = async (app) => {
  const { sandbox } = app

  app.post('/tokens', {
    schema: describeLazily(() => ({
      tags: ['sandbox control'],
      summary: 'Mint an access token: {"user"?: pid or HPR number, "organisation"?: orgnr, "audience"?: "nhn:kjernejournal" | "nhn:critical-information", "flags"?: ["expired", "too-long", "wrong-audience", "wrong-issuer", "bad-signature", "no-scope", "level-3", "client-secret"]}',
      body: { media: 'application/json', schema: jsonSchemaOf(quickMintSchema), example: { user: '05085600143', audience: 'nhn:kjernejournal', flags: ['expired'] } },
      responses: { 200: { description: 'The token, and what the REST face answers for each switch', schema: MINTED_SCHEMA, headers: { 'cache-control': { type: 'string', const: 'no-store' } } } }
    }))
  }, async (request, reply) => {
    const parsed = quickMintSchema.safeParse(request.body ?? {})
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
      throw new AdminError(400, 'invalid_request', message, parsed.error.issues)
    }
    const choice = parsed.data
    let accessToken: string
    try {
      const ttt = parseTestTokenRequest(quickMintRequest(choice, sandbox.world, sandbox.config.KJ_MAX_TOKEN_LIFETIME))
      const session = request.sandboxSession
      accessToken = (await createTestTokens(ttt, {
        issuer: request.issuer,
        now: session.clock.epochSeconds(),
        proofNow: clientJwtNow(request),
        keys: sandbox.keys,
        people: sandbox.world.users
      })).accessTokenJwt
    } catch (err) {
      if (err instanceof QuickMintError || err instanceof TestTokenError) throw new AdminError(400, 'invalid_request', err.message)
      throw err
    }
    request.log.info({ audience: choice.audience, flags: choice.flags, user: choice.user !== undefined }, 'token minted from the dashboard form')
    return reply.header('cache-control', 'no-store').send({
      accessToken,
      tokenType: 'Bearer',
      audience: choice.audience,
      flags: choice.flags,
      // What the REST face answers for each switch on its own; several switches: the first check wins.
      expectedCodes: choice.flags.map((flag) => ({ flag, code: QUICK_MINT_FLAG_INFO[flag].code })),
      claims: decodeJwt(accessToken)
    })
  })
}

export default tokens
