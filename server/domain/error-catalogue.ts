/**
 * Every error code of the Kjernejournal seeds (KJF, KJS, KJX, AUT, KI): code, legacy code,
 * text, HTTP status and the faces that use it. The single source of truth: the README table,
 * `/__admin/errors` and the scenario pack are generated from or tested against it.
 * (Placeholder being filled in: see docs/assumptions.md for the HTTP status rule.)
 */

/** The faces of the sandbox that answer with catalogue codes. */
export type KjFace = 'rest' | 'fhir-legacy' | 'critical-information' | 'portal'

export type CodeKind = 'KJF' | 'KJS' | 'KJX' | 'AUT' | 'KI'

export interface CatalogueEntry {
  readonly code: string
  /** The KJ legacy code (KI codes: as seed 001's table; others: the code itself). */
  readonly legacyCode: string
  readonly kind: CodeKind
  /** The seed's description, verbatim. */
  readonly text: string
  readonly httpStatus: number
  readonly faces: readonly KjFace[]
}

export const CATALOGUE = [
  { code: 'KJF-000011', legacyCode: 'KJF-000011', kind: 'KJF', text: 'The provided ticket is invalid', httpStatus: 401, faces: ['rest', 'fhir-legacy'] }
] as const satisfies readonly CatalogueEntry[]

export type ErrorCode = (typeof CATALOGUE)[number]['code']

const byCode: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((e) => [e.code, e]))

export function isErrorCode (code: string): code is ErrorCode {
  return byCode.has(code)
}

export function catalogueEntry (code: ErrorCode): CatalogueEntry {
  return byCode.get(code) as CatalogueEntry
}
