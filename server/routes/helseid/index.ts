/**
 * The HelseID stand-in: discovery, JWKS, token, authorize + login, PAR, end session, userinfo,
 * revocation, and the test-token service. Encapsulated, so its form parser stays its own.
 */
import formbody from '@fastify/formbody'
import type { FastifyPluginAsync } from 'fastify'
import authorize from './authorize.js'
import discovery from './discovery.js'
import endSession from './end-session.js'
import par from './par.js'
import revocation from './revocation.js'
import testToken from './test-token.js'
import token from './token.js'
import userinfo from './userinfo.js'

const helseid: FastifyPluginAsync = async (app) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 })
  await app.register(discovery)
  await app.register(token)
  await app.register(authorize)
  await app.register(par)
  await app.register(endSession)
  await app.register(userinfo)
  await app.register(revocation)
  await app.register(testToken)
}

export default helseid
