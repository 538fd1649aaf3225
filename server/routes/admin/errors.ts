/**
 * `/__admin/errors`: the error catalogue, searchable by face, code prefix and words, so a vendor
 * finds what a code means and how to provoke it without leaving the sandbox.
 */
import type { FastifyPluginAsync } from 'fastify'
import { AdminError } from '../../domain/admin-error.js'
import { catalogueQuerySchema, findCatalogueEntry, searchCatalogue } from '../../domain/journal/catalogue-search.js'
import { CATALOGUE_ENTRY_SCHEMA } from '../../domain/error-catalogue-schema.js'
import { describeLazily } from '../../openapi/lazy.js'
import { queryParamsOf } from '../../openapi/zod.js'
import { parse } from './parse.js'

const worldTag = ['reference data']

const errors: FastifyPluginAsync = async (app) => {
  app.get('/errors', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'The error catalogue: ?face, code (prefix), q (words in the text)',
      query: queryParamsOf(catalogueQuerySchema),
      responses: { 200: { description: 'The matching entries', schema: { type: 'object', required: ['total', 'errors'], properties: { total: { type: 'integer' }, errors: { type: 'array', items: CATALOGUE_ENTRY_SCHEMA } } } } }
    }))
  }, async (request) => {
    const errors = searchCatalogue(parse(catalogueQuerySchema, request.query, 'invalid query'))
    return { total: errors.length, errors }
  })

  app.get<{ Params: { code: string } }>('/errors/:code', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'One catalogue entry',
      params: { code: { type: 'string', description: 'The code, any case: KJF-000013, KI-0007, AUT_002' } },
      responses: { 200: { description: 'The entry', schema: CATALOGUE_ENTRY_SCHEMA } }
    }))
  }, async (request) => {
    const entry = findCatalogueEntry(request.params.code)
    if (entry === undefined) throw new AdminError(404, 'not_found', `no error code '${request.params.code}' in the catalogue`)
    return entry
  })
}

export default errors
