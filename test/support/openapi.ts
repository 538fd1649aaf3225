/**
 * The sandbox's OpenAPI document as the tests read it, and the drift check: an answer the sandbox
 * gave must be one the document describes (route, status, media type, body schema), checked with
 * ajv's JSON Schema 2020-12, the dialect of OpenAPI 3.1.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { Ajv2020 } from 'ajv/dist/2020.js'

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown>, securitySchemes: Record<string, unknown> }
}

export interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> }
  parameters?: Array<{ in: string, name: string, required?: boolean }>
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
  security?: unknown[]
}

export async function documentOf (app: FastifyInstance): Promise<OpenApiDoc> {
  const res = await app.inject('/openapi.json')
  if (res.statusCode !== 200) throw new Error(`/openapi.json answered ${res.statusCode}`)
  return res.json()
}

/** `/v1/fhir/AllergyIntolerance/abc` -> `/v1/fhir/{type}/{id}`: the document's path for a URL. */
export function documentedPath (doc: OpenApiDoc, url: string): string | undefined {
  const path = (url.split('?')[0] ?? '').replace(/^\/s\/[A-Za-z0-9_-]+(?=\/)/, '')
  const segments = path.split('/')
  // Static paths before templates, as the router matches them.
  const candidates = Object.keys(doc.paths).sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
  return candidates.find((template) => {
    const parts = template.split('/')
    return parts.length === segments.length && parts.every((p, i) => (p.startsWith('{') && p.endsWith('}') && segments[i] !== '') || p === segments[i])
  })
}

export interface DriftCheck {
  /** Why `res` to `method url` is not what the document says; undefined when it is. */
  (method: string, url: string, res: LightMyRequestResponse): string | undefined
}

export function driftChecker (doc: OpenApiDoc): DriftCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  const compiled = new Map<unknown, ReturnType<typeof ajv.compile>>()
  const validatorOf = (schema: unknown): ReturnType<typeof ajv.compile> => {
    let validate = compiled.get(schema)
    if (validate === undefined) {
      // The components ride along so that `#/components/schemas/...` resolves.
      validate = ajv.compile({ ...(schema as object), components: doc.components })
      compiled.set(schema, validate)
    }
    return validate
  }
  return (method, url, res) => {
    const path = documentedPath(doc, url)
    if (path === undefined) return `${method} ${url}: no documented path`
    const operation = doc.paths[path]?.[method.toLowerCase()]
    if (operation === undefined) return `${method} ${path}: not documented`
    const status = String(res.statusCode)
    const answer = operation.responses[status] ?? operation.responses[`${status[0] ?? ''}XX`] ?? operation.responses.default
    if (answer === undefined) return `${method} ${path} ${status}: no documented answer`
    const media = String(res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
    if (answer.content === undefined || Object.keys(answer.content).length === 0) return res.body === '' ? undefined : `${method} ${path} ${status}: a body the document does not describe`
    const described = answer.content[media]
    if (described === undefined) return `${method} ${path} ${status}: ${media} is not among ${Object.keys(answer.content).join(', ')}`
    if (!media.endsWith('json')) return undefined
    const validate = validatorOf(described.schema)
    if (validate(res.json())) return undefined
    return `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`
  }
}
