/**
 * The error catalogue table of docs/errors.md, generated from the catalogue so the two cannot
 * drift (test/readme.test.ts holds the file to it; `npm run docs` rewrites it).
 */
import { CATALOGUE, type CatalogueEntry } from '../../server/domain/error-catalogue.js'

/** Escapes what would break a markdown table cell: `|` and line breaks. */
function cell (text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

export function catalogueTable (entries: readonly CatalogueEntry[] = CATALOGUE): string {
  const rows = entries.map((e) =>
    `| ${e.code} | ${e.legacyCode} | ${e.httpStatus} | ${e.faces.join(', ')} | ${cell(e.text)} |`)
  return ['| Code | Legacy | HTTP | Faces | Description |', '|---|---|---|---|---|', ...rows].join('\n')
}
