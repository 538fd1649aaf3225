/**
 * `/__admin/errors`: the error catalogue, searchable by face, code prefix and words, so a vendor
 * finds what a code means and how to provoke it without leaving the sandbox.
 */
import type { FastifyPluginAsync } from 'fastify'
import { AdminError } from '../../domain/admin-error.js'
import { catalogueQuerySchema, findCatalogueEntry, searchCatalogue } from '../../domain/journal/catalogue-search.js'
import { parse } from './parse.js'

const worldTag = { tags: ['reference data'] }

const errors: FastifyPluginAsync = async (app) => {
  app.get('/errors', { schema: { ...worldTag, summary: 'The error catalogue: ?face, code (prefix), q (words in the text)' } }, async (request) => {
    const errors = searchCatalogue(parse(catalogueQuerySchema, request.query, 'invalid query'))
    return { total: errors.length, errors }
  })

  app.get<{ Params: { code: string } }>('/errors/:code', { schema: { ...worldTag, summary: 'One catalogue entry' } }, async (request) => {
    const entry = findCatalogueEntry(request.params.code)
    if (entry === undefined) throw new AdminError(404, 'not_found', `no error code '${request.params.code}' in the catalogue`)
    return entry
  })
}

export default errors
