/**
 * The OpenAPI document is a contract a client generator can use: valid OpenAPI 3.1 by a real
 * validator, and every operation of every face describes its parameters, body and answers.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { build } from '../helper.js'
import { documentOf, type Operation } from '../support/openapi.js'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

t.test('the document validates as OpenAPI 3.1', async (t) => {
  const app = await build(t)
  const doc = await documentOf(app)
  const validator = new Validator()
  const result = await validator.validate(doc as unknown as Parameters<Validator['validate']>[0])
  t.equal(validator.version, '3.1')
  t.ok(result.valid, JSON.stringify(result.errors))
  const operations = Object.values(doc.paths).flatMap((ops) => Object.entries(ops))
  const schemas = operations.flatMap(([, op]) => Object.values(op.responses)).filter((r) => r.content !== undefined).length
  t.comment(`${Object.keys(doc.paths).length} paths, ${operations.length} operations, ${operations.filter(([, op]) => op.requestBody !== undefined).length} request bodies, ${schemas} response schemas, ${Object.keys(doc.components.schemas).length} component schemas`)
  t.same(operations.map(([method]) => method).filter((m) => !METHODS.includes(m)), [], 'only OpenAPI 3.1 method keys (no query)')
})

t.test('every operation describes a success answer and its face\'s error answers', async (t) => {
  const app = await build(t)
  const doc = await documentOf(app)
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops) as Array<[string, Operation]>) {
      const statuses = Object.keys(op.responses)
      t.ok(statuses.some((s) => /^[23]/.test(s)), `${method} ${path}: a success answer`)
      t.ok(statuses.some((s) => s.startsWith('4')) && statuses.some((s) => s.startsWith('5')), `${method} ${path}: error answers`)
      for (const param of path.match(/\{\w+\}/g) ?? []) {
        t.ok(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === param), `${method} ${path}: path parameter ${param}`)
      }
    }
  }
})

t.test('the Kjernejournal faces describe their headers, bodies, security and error shapes', async (t) => {
  const app = await build(t)
  const doc = await documentOf(app)
  const headers = (op: Operation | undefined): string[] => (op?.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name)
  const helseindikator = doc.paths['/v1/helseindikator']?.post
  t.ok(helseindikator?.requestBody?.content['application/json'], 'helseindikator has a JSON body')
  t.match(helseindikator?.requestBody?.content['application/json']?.schema, { required: ['fnr'] })
  t.ok(headers(helseindikator).includes('X-EPJ-System'))
  t.same(Object.keys(doc.paths['/v1/helseindikator'] ?? {}), ['post'], 'one method: the one the service takes')
  t.same(helseindikator?.security, [{ bearer: [] }, { dpopToken: [], dpopProof: [] }])
  t.match(helseindikator?.responses['4XX']?.content?.['application/json']?.schema, { $ref: '#/components/schemas/RestError' })
  const everything = doc.paths['/v1/fhir/Patient/$everything']?.get
  t.match(headers(everything), ['X-EPJ-System', 'X-KJ-Ticket', 'KJ-SAMTYKKE-BRUK', 'KJ-SAMTYKKE-SPERRET-KRITISKINFO'])
  t.match(everything?.responses['4XX']?.content?.['application/fhir+json']?.schema, { $ref: '#/components/schemas/OperationOutcome' })
  const search = doc.paths['/api/critical-information/v1/{type}']?.get
  t.match(headers(search), ['nhn-source-system', 'nhn-patient-nin', 'nhn-access-basis', 'nhn-user-role'])
  t.ok(doc.paths['/api/critical-information/v1/{type}/$validate']?.post, '$validate on the critical-information API')
  t.ok(doc.paths['/v1/fhir/{type}/$validate']?.post, '$validate on the ticket face')
  t.match(doc.paths['/connect/token']?.post?.responses['4XX']?.content?.['application/json']?.schema, { $ref: '#/components/schemas/OAuthError' })
  t.ok(doc.paths['/connect/token']?.post?.requestBody?.content['application/x-www-form-urlencoded'], 'the token endpoint takes a form')
  t.match(doc.paths['/v2/create-test-token-with-key']?.post?.responses['4XX']?.content?.['application/json']?.schema, { $ref: '#/components/schemas/TestTokenResponse' })
  t.match(doc.components.securitySchemes, { bearer: { type: 'http', scheme: 'bearer' }, dpopToken: { in: 'header', name: 'Authorization' }, dpopProof: { in: 'header', name: 'DPoP' } })
})

t.test('Swagger UI offers Authorize: the document it loads has security schemes', async (t) => {
  const app = await build(t)
  const loaded = await app.inject('/docs/json')
  t.equal(loaded.statusCode, 200)
  t.match(loaded.json().components.securitySchemes, { bearer: {}, dpopToken: {}, dpopProof: {} })
})
