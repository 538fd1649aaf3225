/**
 * The document's per-route transform: adds to each route what its face shares (tag, security,
 * the face's error answers for 4XX and 5XX) unless the route says otherwise, and names the path
 * parameters of routes that describe none, so every operation of every face is described.
 */
import type { FastifySchema } from 'fastify'
import { faceOf } from '../domain/faces.js'
import { FACE_DOCS } from './faces.js'
import { madeSchema } from './lazy.js'

type Schema = FastifySchema & {
  tags?: string[]
  security?: unknown
  response?: Record<string, unknown>
  hide?: boolean
}

function pathParams (url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string)
}

export function describeByFace ({ schema, url }: { schema: FastifySchema | undefined, url: string }): { schema: FastifySchema, url: string } {
  const own = (madeSchema(schema) ?? {}) as Schema
  if (own.hide === true) return { schema: own, url }
  const face = FACE_DOCS[faceOf(url)]
  const errorAnswer = (description: string): object => ({
    description,
    ...(face.errorHeaders !== undefined && { headers: face.errorHeaders }),
    content: { [face.errorMedia]: { schema: face.errorSchema } }
  })
  const response = { ...own.response }
  if (!Object.keys(response).some((s) => s.startsWith('4'))) response['4xx'] = errorAnswer('The request was refused, in the face\'s error shape')
  if (!Object.keys(response).some((s) => s.startsWith('5'))) response['5xx'] = errorAnswer('The sandbox (or a scenario) failed, in the face\'s error shape')
  // A route that describes no answer of its own: JSON, as its summary says.
  if (!Object.keys(response).some((s) => s.startsWith('2') || s.startsWith('3'))) response['200'] = { description: 'OK (see the summary)', content: { 'application/json': { schema: {} } } }
  const names = pathParams(url)
  return {
    url,
    schema: {
      ...own,
      tags: own.tags ?? [face.tag],
      ...(own.security === undefined && face.security !== undefined && { security: face.security }),
      ...(own.params === undefined && names.length > 0 && {
        params: { type: 'object', required: names, properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])) }
      }),
      response
    } as FastifySchema
  }
}
