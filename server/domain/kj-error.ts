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
  /**
   * An HTTP status other than the catalogue's, for the transport-level refusals the catalogue
   * has no code of its own for (413 for a body over the face's limit, see docs/assumptions.md).
   */
  readonly httpStatus?: number
  /**
   * Said only by the sandbox (the `X-Sandbox-Hint` header and the journal entry), when the call
   * failed only because the sandbox's world lacks something an EHR cannot fix: how to add it.
   * The answer itself stays the real service's.
   */
  sandboxHint?: string

  constructor (code: ErrorCode, diagnostics?: string, location?: readonly string[], httpStatus?: number) {
    const entry = catalogueEntry(code)
    super(diagnostics !== undefined ? `${entry.text} (${diagnostics})` : entry.text)
    this.code = code
    this.entry = entry
    if (diagnostics !== undefined) this.diagnostics = diagnostics
    if (location !== undefined) this.location = location
    if (httpStatus !== undefined) this.httpStatus = httpStatus
  }

  withSandboxHint (hint: string): this {
    this.sandboxHint = hint
    return this
  }

  get statusCode (): number {
    return this.httpStatus ?? this.entry.httpStatus
  }
}
