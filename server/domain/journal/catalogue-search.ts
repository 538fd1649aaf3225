/** Search over the error catalogue for /__admin/errors: by face, code prefix and free text. */
import { z } from 'zod'
import { CATALOGUE, type CatalogueEntry } from '../error-catalogue.js'
import { CATALOGUE_FACES } from '../faces.js'

export const catalogueQuerySchema = z.object({
  face: z.enum(CATALOGUE_FACES).optional(),
  /** A code prefix, any case: `KJF-0001`, `ki-`, `AUT`. */
  code: z.string().min(1).max(32).optional(),
  /** Words that must all appear in the text or the code, any case. */
  q: z.string().min(1).max(200).optional()
}).strict()

export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>

export function searchCatalogue (query: CatalogueQuery): CatalogueEntry[] {
  const prefix = query.code?.toUpperCase()
  const words = query.q?.toLowerCase().split(/\s+/).filter((w) => w !== '') ?? []
  return CATALOGUE.filter((entry: CatalogueEntry) => {
    if (query.face !== undefined && !entry.faces.includes(query.face)) return false
    if (prefix !== undefined && !entry.code.startsWith(prefix) && !entry.legacyCode.startsWith(prefix)) return false
    if (words.length === 0) return true
    const haystack = `${entry.code} ${entry.legacyCode} ${entry.text}`.toLowerCase()
    return words.every((w) => haystack.includes(w))
  })
}

/** One entry by code, any case; undefined when the catalogue has none. */
export function findCatalogueEntry (code: string): CatalogueEntry | undefined {
  const wanted = code.toUpperCase()
  return CATALOGUE.find((entry: CatalogueEntry) => entry.code === wanted)
}
