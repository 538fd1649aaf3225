/**
 * Hostile input for the property tests: every route the app has (from its OpenAPI document, so a
 * new route is covered without touching the tests), random requests against them, and the checks
 * every answer must pass: the face's documented error shape, a catalogue code where the face uses
 * codes, no 5xx, and nothing stored changed when the request was rejected.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import fc from 'fast-check'
import { catalogueEntry, CATALOGUE } from '../../server/domain/error-catalogue.js'
import { describeClient } from '../../server/domain/helseid/clients.js'
import { faceOf, pathOf } from '../../server/domain/faces.js'

/** How many inputs a property tries: a few seconds by default, more with PROPERTY_RUNS. */
export function runs (defaultRuns: number): number {
  const env = Number(process.env.PROPERTY_RUNS)
  return Number.isInteger(env) && env > 0 ? env : defaultRuns
}

export interface RouteTemplate {
  /** e.g. `/api/critical-information/v1/{type}/{id}` */
  readonly path: string
  readonly methods: readonly string[]
}

/** Every documented route of the app, with its methods. */
const STREAMS = new Set(['/__admin/requests/stream'])

export function routeTemplates (app: FastifyInstance): RouteTemplate[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, unknown>> }
  return Object.entries(doc.paths ?? {})
    // Server-sent events never end, so inject() would never resolve; the live journal has its
    // own tests on a real socket (test/routes/admin/journal-stream.test.ts).
    .filter(([path]) => !STREAMS.has(path))
    .map(([path, ops]) => ({ path, methods: Object.keys(ops).map((m) => m.toUpperCase()) }))
}

const CODES = new Set<string>(CATALOGUE.map((e) => e.code))
const OAUTH_ERRORS = new Set([
  'invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope',
  'invalid_target', 'invalid_dpop_proof', 'use_dpop_nonce', 'invalid_token', 'insufficient_scope', 'access_denied',
  'unsupported_response_type', 'invalid_request_uri', 'invalid_request_object', 'login_required', 'unsupported_token_type'
])

function jsonOf (res: LightMyRequestResponse): unknown {
  try {
    return JSON.parse(res.body)
  } catch {
    return undefined
  }
}

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkCode (res: LightMyRequestResponse, code: unknown): string | undefined {
  if (typeof code !== 'string' || !CODES.has(code)) return `code ${String(code)} is not in the catalogue`
  if (res.headers['nhn-error-code'] !== code) return `nhn-error-code ${String(res.headers['nhn-error-code'])} is not ${code}`
  if (res.headers['x-kj-feilkode'] !== code) return `x-kj-feilkode ${String(res.headers['x-kj-feilkode'])} is not ${code}`
  // The faces answer three statuses outside the catalogue's: 413 (a body over the limit), and on
  // the FHIR faces 405 (a method the path does not serve) and 406 (an Accept of XML alone).
  if (![405, 406, 413].includes(res.statusCode) && catalogueEntry(code as never).httpStatus !== res.statusCode) return `HTTP ${res.statusCode} is not the catalogue's ${catalogueEntry(code as never).httpStatus} for ${code}`
  return undefined
}

/** The URL as inject() hands it to the server: resolved like a WHATWG URL (`%2e%2e` segments too). */
function faceUrlPath (url: string): string {
  return pathOf(asInjected(url))
}

function asInjected (url: string): string {
  try {
    const parsed = new URL(url, 'http://sandbox.test')
    return parsed.pathname + parsed.search
  } catch {
    return url
  }
}

/**
 * Why a 5xx is wrong: none is ever right unless a scenario asked for it, except the documented
 * 501 of the critical-information API for a resource type it does not serve (KI-0012).
 */
export function serverErrorProblem (res: LightMyRequestResponse): string | undefined {
  if (res.statusCode < 500) return undefined
  if (res.statusCode === 501 && res.headers['nhn-error-code'] === 'KI-0012') return undefined
  return `answered ${res.statusCode}`
}

/** Why an error answer is not in its face's documented shape; undefined when it is. */
export function shapeProblem (method: string, url: string, res: LightMyRequestResponse): string | undefined {
  if (res.statusCode < 400) return undefined
  if (method === 'HEAD') return undefined
  const body = jsonOf(res)
  const face = faceOf(asInjected(url))
  switch (face) {
    case 'helseid': {
      // The browser-facing endpoints show an HTML page when they cannot redirect back.
      if (/^text\/html/.test(String(res.headers['content-type']))) return res.body.length > 0 ? undefined : 'empty HTML error page'
      // The test-token service answers in the TTT's own TestTokenResponse model (methods it lacks: OAuth's).
      if (faceUrlPath(url) === '/v2/create-test-token-with-key') {
        const error = isObject(body) && isObject(body.errorResponse) ? body.errorResponse.errorMessage : undefined
        if (isObject(body) && body.isError === true && typeof error === 'string') return undefined
      }
      if (!isObject(body) || typeof body.error !== 'string') return 'not OAuth 2 JSON {error, error_description}'
      if (!OAUTH_ERRORS.has(body.error)) return `unknown OAuth error '${body.error}'`
      if (body.error_description !== undefined && typeof body.error_description !== 'string') return 'error_description is not a string'
      return undefined
    }
    case 'rest': {
      if (!isObject(body)) return 'not the REST face\'s JSON error'
      for (const field of ['feilkode', 'utviklermelding', 'brukermelding']) if (typeof body[field] !== 'string') return `no ${field}`
      if (body.status !== res.statusCode) return `status field ${String(body.status)} is not HTTP ${res.statusCode}`
      return checkCode(res, body.feilkode)
    }
    case 'portal': {
      // The pages answer a readable HTML error page with the AUT code in the headers; the
      // Innlogging API answers in the REST face's JSON shape.
      if (/^text\/html/.test(String(res.headers['content-type']))) {
        if (res.body.length === 0) return 'empty HTML error page'
        return checkCode(res, res.headers['nhn-error-code'])
      }
      if (!isObject(body)) return 'not the portal API\'s JSON error'
      for (const field of ['feilkode', 'utviklermelding', 'brukermelding']) if (typeof body[field] !== 'string') return `no ${field}`
      if (body.status !== res.statusCode) return `status field ${String(body.status)} is not HTTP ${res.statusCode}`
      return checkCode(res, body.feilkode)
    }
    case 'fhir-legacy':
    case 'critical-information': {
      // A deleted record is answered 410 with its filtered content (FHIR read of a deleted resource).
      if (res.statusCode === 410) return undefined
      if (!isObject(body) || body.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue)) return 'not an OperationOutcome'
      // The ticket face's own shape: the code alone in issue[0].diagnostics, the message in issue[1].
      if (face === 'fhir-legacy') {
        const [first, second] = body.issue as Array<{ diagnostics?: unknown } | undefined>
        if (typeof second?.diagnostics !== 'string') return 'no message in issue[1].diagnostics'
        return checkCode(res, typeof first?.diagnostics === 'string' ? first.diagnostics : undefined)
      }
      const issue = body.issue[0] as { details?: { coding?: Array<{ system?: string, code?: string }> } } | undefined
      const code = issue?.details?.coding?.find((c) => c.system === 'http://nhn.no/hit/fhir/error/CodeSystem/ErrorCode')?.code
      return checkCode(res, code)
    }
    default: {
      if (!isObject(body) || typeof body.error !== 'string' || typeof body.message !== 'string') return 'not the admin shape {error, message}'
      return undefined
    }
  }
}

/**
 * What a rejected request must leave alone: clients, patients, sessions, every session's
 * critical information, clock, scenario state, codes and refresh tokens.
 */
export function snapshot (app: FastifyInstance): string {
  const { sandbox } = app
  const nins = [...sandbox.world.patients.keys()]
  return JSON.stringify({
    clients: sandbox.clients.list().map(describeClient),
    patients: [...sandbox.world.patients.values()],
    scenarios: app.scenarios.registry.list().map((s) => s.name),
    // By id: touching a session reorders the LRU list, which is bookkeeping, not stored data.
    sessions: [...sandbox.sessions.list()].sort((a, b) => a.id.localeCompare(b.id)).map((s) => ({
      id: s.id,
      clock: s.clock.offsetMs(),
      records: s.criticalInfo.size,
      criticalInfo: nins.map((nin) => s.criticalInfo.recordsOf(nin).map((v) => [v.resource.id, s.criticalInfo.history(v.resource.id as string).length])),
      scenarios: s.scenarios.active(),
      codes: s.codes.size,
      refreshTokens: s.refreshTokens.size
    }))
  })
}

/** Where two snapshots first differ, for the failure message. */
export function changeOf (before: string, after: string): string {
  let i = 0
  while (i < before.length && before[i] === after[i]) i++
  return `...${before.slice(Math.max(0, i - 80), i + 80)} -> ...${after.slice(Math.max(0, i - 80), i + 80)}`
}

// ---- arbitraries -------------------------------------------------------------------------

const ODD_STRINGS = ['', ' ', '%', '%zz', '%00', '..', '../..', '%2e%2e', '\u0000', 'null', 'undefined', '[]', '{}', '-1', '0', '1e309', 'NaN',
  '\u202e', '😀', 'ææøøåå', '<script>', "' OR 1=1 --", '$everything', '_history', 'Condition', 'AllergyIntolerance', 'a'.repeat(5000)]

/** A path segment: random unicode, odd strings, or ids that exist, percent-encoded like a client would. */
export const segment = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('Condition', 'AllergyIntolerance', 'Procedure', 'Flag', 'DeviceUseStatement', 'Patient', 'default', 'p1', 'sandbox-demo-ehr', '17815810112', 'KJF-000011', '1')
).map((s) => encodeURIComponent(s).replace(/%25(?=[0-9a-fA-F]{2}|zz)/g, '%'))

export function concretePath (template: string): fc.Arbitrary<string> {
  const params = template.match(/\{[^}]+\}/g) ?? []
  return fc.tuple(fc.array(segment, { minLength: params.length, maxLength: params.length }), fc.constantFrom('', '', '/', '/x', '?', '?a=1&a=2&limit=-5&status=zz'))
    .map(([values, tail]) => {
      let i = 0
      return template.replace(/\{[^}]+\}/g, () => values[i++] as string) + tail
    })
}

export const sessionPrefix = fc.constantFrom('', '', '', '/s/p1', '/s/default', '/s/%00', '/s/' + 'x'.repeat(65))

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'] as const

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 })
/** Header values may carry Latin-1 but no control characters (Node refuses those before us). */
const headerValue = fc.oneof(printable, fc.constantFrom(...ODD_STRINGS.filter((s) => /^[\x20-\x7e\u00a0-\u00ff]*$/.test(s))))

export const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/fhir+json', 'application/fhir+json; charset=UTF-8',
  'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '*/*', ';;;', 'application/']

/** Bodies: JSON of every type, malformed JSON, deep nesting, unicode and control characters, forms. */
export const hostileBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 50 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)).chain((s) => fc.nat({ max: Math.max(0, s.length - 1) }).map((n) => s.slice(0, n))),
  fc.integer({ min: 100, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"fnr":12345678901}', '{"fnr":["17815810112"]}',
    '{"fnr":null}', '{"fnr":"17815810112","samtykke":{}}', '{"resourceType":"Condition","id":{"$gt":""}}', '{"resourceType":7}', '\ufeff{}', 'null', 'true', '"x"', '1e999'),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })).map((d) => new URLSearchParams(d).toString())
)

/** Random headers from the set the faces read, plus any. */
export function hostileHeaders (token: fc.Arbitrary<string>, ticket: fc.Arbitrary<string>, proof: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  return fc.record({
    authorization: fc.oneof(token.map((x) => `Bearer ${x}`), token.map((x) => `DPoP ${x}`), token.map((x) => `bearer  ${x} `), headerValue, fc.constant('Basic c2FuZGJveDpzZWNyZXQ=')),
    dpop: fc.oneof(proof, headerValue),
    'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerValue),
    'x-epj-system': headerValue,
    'x-kj-ticket': fc.oneof(ticket, headerValue),
    'kj-samtykke-bruk': fc.oneof(fc.constantFrom('HPMOTTATTSAMTYKKE', 'HPAKUTT', 'HPUNNTAK'), headerValue),
    'kj-samtykke-sperret-kritiskinfo': headerValue,
    'nhn-patient-nin': fc.oneof(fc.constantFrom('17815810112', '08847310112', '09923810878', '00000000000'), headerValue),
    'nhn-access-basis': fc.oneof(fc.constantFrom('SAMTYKKE', 'AKUTT', 'UNNTAK', 'FORHOYET_SAMTYKKE'), headerValue),
    'nhn-user-role': headerValue,
    'nhn-source-system': headerValue,
    'if-match': headerValue,
    accept: fc.oneof(fc.constantFrom('application/fhir+json', 'application/json', 'text/html', '*/*'), headerValue),
    'x-sandbox-session': fc.constantFrom('p1', 'default', 'bad id!', ''),
    'x-other': headerValue
  }, { requiredKeys: [] }).map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== '')) as Record<string, string>)
}

// ---- tokens, proofs and tickets, mangled -----------------------------------------------

function b64url (value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
}

/** Ways to break a JWT that is otherwise good, plus random strings that only look like one. */
export function mangledJwt (good: readonly string[]): fc.Arbitrary<string> {
  const base = fc.constantFrom(...good)
  return fc.oneof(
    base,
    fc.tuple(base, fc.nat(), fc.constantFrom('A', '-', '_', '.', '=', '+', '/', ' ', 'é')).map(([jwt, i, c]) => { const at = i % jwt.length; return jwt.slice(0, at) + c + jwt.slice(at + 1) }),
    fc.tuple(base, fc.nat()).map(([jwt, i]) => jwt.slice(0, i % jwt.length)),
    base.map((jwt) => jwt.split('.').slice(0, 2).join('.') + '.'),
    base.map((jwt) => `${b64url({ alg: 'none', typ: 'at+jwt' })}.${jwt.split('.')[1] as string}.`),
    fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 40 })).map(([h, p, s]) => `${b64url(h)}.${b64url(p)}.${b64url(s)}`),
    fc.tuple(fc.dictionary(fc.constantFrom('alg', 'typ', 'kid', 'jku', 'x5u', 'jwk', 'crit', 'b64', 'enc', 'zip'), fc.jsonValue({ maxDepth: 2 })), base)
      .map(([h, jwt]) => `${b64url(h)}.${jwt.split('.').slice(1).join('.')}`),
    fc.tuple(base, fc.dictionary(fc.constantFrom('exp', 'iat', 'nbf', 'aud', 'iss', 'scope', 'cnf', 'client_id', 'helseid://claims/identity/pid', 'helseid://claims/client/claims/orgnr_parent'), fc.jsonValue({ maxDepth: 2 })))
      .map(([jwt, claims]) => {
        const [h, p, s] = jwt.split('.') as [string, string, string]
        return `${h}.${b64url({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), ...claims })}.${s}`
      }),
    fc.string({ maxLength: 300 }).filter((s) => !/\s/.test(s) && s !== ''),
    fc.array(fc.base64String({ maxLength: 60 }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
    fc.constantFrom('.', '..', '...', 'a.b.c', 'e30.e30.', 'e30.e30.e30', 'eyJhbGciOiJub25lIn0.e30.', 'x'.repeat(10_000))
  ).filter((s) => s.length > 0 && /^[\x21-\x7e\xa0-\xff]*$/.test(s))
}

/** Tickets: ours, altered, truncated, re-encoded, and any base64 at all. */
export function mangledTicket (good: readonly string[]): fc.Arbitrary<string> {
  const base = fc.constantFrom(...good)
  return fc.oneof(
    base,
    fc.tuple(base, fc.nat(), fc.constantFrom('A', '+', '/', '=', 'z')).map(([t, i, c]) => { const at = i % t.length; return t.slice(0, at) + c + t.slice(at + 1) }),
    fc.tuple(base, fc.nat()).map(([t, i]) => t.slice(0, i % t.length)),
    base.map((t) => Buffer.from(t, 'base64').toString('utf8')),
    base.map((t) => encodeURIComponent(t)),
    fc.base64String({ maxLength: 400 }),
    fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64')),
    fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(`${b64url({ alg: 'dir', enc: 'A256GCM' })}.${b64url(v)}..${b64url('x')}.${b64url('y')}`).toString('base64'))
  ).filter((s) => s.length > 0 && /^[\x21-\x7e]*$/.test(s))
}

/** A JSON value with one field somewhere replaced by anything: wrong types deep inside valid documents. */
export function mutated (valid: unknown): fc.Arbitrary<string> {
  const paths: Array<Array<string | number>> = []
  const walk = (value: unknown, path: Array<string | number>): void => {
    paths.push(path)
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]))
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
  }
  walk(valid, [])
  return fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.string({ unit: 'binary', maxLength: 30 })))
    .map(([path, value]) => {
      if (path.length === 0) return JSON.stringify(value ?? null)
      const copy = structuredClone(valid) as Record<string | number, unknown>
      let at: Record<string | number, unknown> = copy
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
      const last = path[path.length - 1] as string | number
      if (value === undefined) delete at[last]
      else at[last] = value
      return JSON.stringify(copy)
    })
}

/**
 * Runs a property and fails the test with a short report: fast-check's own report prints the
 * whole counterexample, which for a 20 000-deep body is a screenful. Returns the inputs tried.
 */
export async function checkProperty<T> (t: { fail: (message: string) => void, comment: (message: string) => void }, name: string, property: fc.IAsyncProperty<T>, numRuns: number): Promise<number> {
  // PROPERTY_SEED replays a failure's run (its seed is in the report).
  const seed = Number(process.env.PROPERTY_SEED)
  const result = await fc.check(property, { numRuns, ...(Number.isInteger(seed) && process.env.PROPERTY_SEED !== undefined && { seed }) })
  if (result.failed) {
    const example = JSON.stringify(result.counterexample) ?? ''
    const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)
    t.fail(`${name}: ${error.slice(0, 600)} (seed ${result.seed}, path ${result.counterexamplePath ?? ''}, input ${example.slice(0, 400)}${example.length > 400 ? '...' : ''})`)
  }
  t.comment(`${name}: inputs tried: ${result.numRuns}`)
  return result.numRuns
}

// ---- hostile peers (issue 18): origins, hosts, clock moves, nesting --------------------

/** Host headers: the sandbox's own names, a rebinding attacker's, and junk. */
export const hostileHost = fc.oneof(
  fc.constantFrom('sandbox.test', 'localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'app.localhost', 'evil.test', 'rebind.attacker.example:8080',
    'sandbox.test.evil.test', 'SANDBOX.TEST', '', ' ', ':80', '[', '[::1', 'localhost.', '0x7f.1'),
  fc.domain(),
  printable
)

/** Origin or Referer values: the sandbox's own origin, look-alikes, other sites, `null` and junk. */
export const hostileOrigin = fc.oneof(
  fc.constantFrom('http://sandbox.test', 'https://sandbox.test', 'http://sandbox.test:80', 'http://evil.test', 'null', 'http://localhost:8080',
    'http://sandbox.test.evil.test', 'http://sandbox.test/', 'file://', 'about:blank', 'http://sandbox.test/__admin/', 'javascript:alert(1)'),
  fc.webUrl(),
  fc.domain().map((d) => `http://${d}`),
  printable
)

/** Numbers for a clock move: ordinary, at the 1000-year edge, past it, and past what a double holds exactly. */
export const absurdNumber = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e300, -1e300, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 8_766_000, 8_766_001, 525_960_000, 3.156e10, 3.1558e10, 1e17, -1e17, 5e-324, -0),
  fc.integer({ min: 1, max: 400 }).map((e) => 10 ** e)
)

/** A JSON value nested `depth` deep, arrays and objects mixed, with a leaf at the bottom. */
export function nestedJson (depth: number, shape: readonly boolean[]): string {
  let open = ''
  let close = ''
  for (let i = 0; i < depth; i++) {
    const array = shape[i % shape.length] ?? true
    open += array ? '[' : '{"k":'
    close = (array ? ']' : '}') + close
  }
  return `${open}"x"${close}`
}

/** Depths around the 64-level limit and far past it, with a random mix of arrays and objects. */
export const deepNesting = fc.record({
  depth: fc.oneof(fc.integer({ min: 60, max: 70 }), fc.integer({ min: 65, max: 5000 })),
  shape: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 })
})
