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

/** POSTs and PUTs that take no body, and why; checked to be real, so the list cannot go stale. */
const TAKES_NO_BODY: Record<string, string> = {
  'post /connect/userinfo': 'OIDC userinfo: the token travels in Authorization, the same as GET',
  'post /__admin/reset': 'an action; ?session= names the one session to reset',
  'post /__admin/sessions/{id}/reset': 'an action on the session the path names',
  'post /__admin/fixtures/reload': 'an action: re-reads the fixture folder',
  'post /__admin/scenarios/{name}/activate': 'an action on the scenario the path names',
  'post /__admin/scenarios/{name}/deactivate': 'an action on the scenario the path names',
  'post /__admin/scenarios/reset': "an action on the session's scenarios"
}

/** Success answers without a body besides 204, and why. */
const ANSWERS_WITHOUT_BODY: Record<string, string> = {
  'post /connect/revocation 200': 'RFC 7009 section 2.2: the revocation answer is an empty 200'
}

function isEmptySchema (schema: unknown): boolean {
  return schema === undefined || (typeof schema === 'object' && schema !== null && Object.keys(schema).length === 0)
}

t.test('every operation of every face, admin and portal included, describes its body and its success answers\' schemas', async (t) => {
  const app = await build(t)
  const doc = await documentOf(app)
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops) as Array<[string, Operation]>) {
      const key = `${method} ${path}`
      if (['post', 'put', 'patch'].includes(method)) {
        if (TAKES_NO_BODY[key] !== undefined) t.equal(op.requestBody, undefined, `${key} takes no body: ${TAKES_NO_BODY[key]}`)
        else t.ok(Object.values(op.requestBody?.content ?? {}).some((media) => !isEmptySchema(media.schema)), `${key}: a request body with a schema`)
      }
      for (const [status, answer] of Object.entries(op.responses)) {
        if (!status.startsWith('2') || status === '204') continue
        const media = Object.values(answer.content ?? {})
        if (ANSWERS_WITHOUT_BODY[`${key} ${status}`] !== undefined) t.equal(media.length, 0, `${key} ${status} has no body: ${ANSWERS_WITHOUT_BODY[`${key} ${status}`]}`)
        else t.ok(media.length > 0 && media.every((m) => !isEmptySchema(m.schema)), `${key} ${status}: a content schema`)
      }
    }
  }
  for (const key of Object.keys(TAKES_NO_BODY)) {
    const [method = '', path = ''] = key.split(' ')
    t.ok(doc.paths[path]?.[method], `${key} (an exception) is still an operation`)
  }
})

t.test('the admin API derives its bodies from the zod schemas the routes parse with', async (t) => {
  const app = await build(t)
  const doc = await documentOf(app)
  const body = (path: string, method: string): unknown => doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema
  t.match(body('/__admin/organisations', 'post'), { type: 'object', required: ['orgnr', 'name'], additionalProperties: false })
  t.notOk((body('/__admin/organisations/{orgnr}', 'put') as { required?: unknown }).required, 'PUT keeps the fields it is not given')
  t.match(body('/__admin/clients', 'post'), { required: ['client_id', 'orgnr_parent'], properties: { registerOrganisations: { type: 'boolean' } } })
  t.match(body('/__admin/profile', 'put'), { properties: { profile: { enum: ['lenient', 'strict'] } } })
  t.match(body('/__admin/scenarios', 'post'), { type: 'object', required: ['rules'] })
  t.notOk(JSON.stringify(doc).includes('#/$defs/'), 'no reference into a $defs the document does not have')
  const requests = doc.paths['/__admin/requests']?.get?.parameters ?? []
  t.same(requests.filter((p) => p.in === 'query').map((p) => p.name).sort(), ['code', 'eventId', 'limit', 'method', 'path', 'since', 'status', 'until'])
  t.ok(doc.paths['/__admin/readiness']?.get?.responses['200']?.content?.['application/xml'], 'readiness also answers JUnit XML')
  t.same(doc.paths['/api/session/create']?.post?.security, [{ dpopToken: [], dpopProof: [] }], 'Innlogging takes DPoP only')
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
