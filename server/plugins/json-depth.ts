/**
 * Fastify's JSON parser with a nesting bound (see domain/json-depth.ts): a body nested past
 * MAX_JSON_DEPTH is a 400 in the face's shape, as invalid JSON is, before any recursive code
 * runs. The FHIR and REST faces parse their own bodies and check the same bound there.
 */
import fp from 'fastify-plugin'
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../domain/json-depth.js'

export default fp(async (app) => {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (nestsDeeperThan(text)) {
      done(Object.assign(new Error(`the body nests deeper than ${MAX_JSON_DEPTH} levels`), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined)
      return
    }
    parse(request, text, done)
  })
}, { name: 'json-depth', fastify: '5.x' })
