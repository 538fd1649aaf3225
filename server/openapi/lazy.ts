/**
 * Route docs built only when the document is: the admin and portal docs derive their bodies from
 * zod schemas (`z.toJSONSchema`, tens of milliseconds in all), which start-up should not pay for
 * a document most runs never ask for. A route's `schema` carries the recipe under a symbol that
 * Fastify ignores; the document's transform (transform.ts) calls it.
 */
import type { FastifySchema } from 'fastify'
import { describe, type RouteDoc } from './describe.js'

const RECIPE = Symbol('route doc recipe')

type WithRecipe = FastifySchema & { [RECIPE]?: () => RouteDoc }

/** Like `describe`, but the doc is made when the document is generated. */
export function describeLazily (doc: () => RouteDoc): FastifySchema {
  const schema: WithRecipe = { [RECIPE]: doc }
  return schema
}

/** The route's schema with its recipe made; other schemas as they are. */
export function madeSchema (schema: FastifySchema | undefined): FastifySchema | undefined {
  const recipe = (schema as WithRecipe | undefined)?.[RECIPE]
  return recipe === undefined ? schema : describe(recipe())
}

/** A value made on first use and kept: a schema several routes share. */
export function once<T> (make: () => T): () => T {
  let made: { value: T } | undefined
  return () => {
    made ??= { value: make() }
    return made.value
  }
}
