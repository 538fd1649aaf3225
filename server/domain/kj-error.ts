/**
 * The one error type of the Kjernejournal faces. Domain code throws it with a catalogue code;
 * the renderer of the face turns it into that face's wire shape (REST JSON, OperationOutcome,
 * portal page). Diagnostics add detail for developers; `location` is a FHIR path.
 */
import { catalogueEntry, type CatalogueEntry, type ErrorCode } from './error-catalogue.js'

export class KjError extends Error {
  override name = 'KjError'
  readonly code: ErrorCode
  readonly entry: CatalogueEntry
  readonly diagnostics?: string
  readonly location?: readonly string[]

  constructor (code: ErrorCode, diagnostics?: string, location?: readonly string[]) {
    const entry = catalogueEntry(code)
    super(diagnostics !== undefined ? `${entry.text} (${diagnostics})` : entry.text)
    this.code = code
    this.entry = entry
    if (diagnostics !== undefined) this.diagnostics = diagnostics
    if (location !== undefined) this.location = location
  }

  get statusCode (): number {
    return this.entry.httpStatus
  }
}
