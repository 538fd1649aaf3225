/**
 * Coverage of one session: which endpoints, helseindikator statuses and error codes its clients
 * have been served, with counts, so QA sees which integration cases an EHR has met, and which
 * catalogue codes of the faces it used it has not met yet. Unlike the journal it never drops
 * anything old; its keys are route patterns and codes the sandbox itself answers with, so they
 * are few, and capped all the same.
 */
import { CATALOGUE } from '../error-catalogue.js'
import { CATALOGUE_FACES, type CatalogueFace } from '../faces.js'
import type { JournalFace } from './entry.js'

export interface CoverageRecord {
  /** `METHOD /route/pattern`; null when no route matched (then only the status and code count). */
  readonly endpoint: string | null
  readonly face: JournalFace
  readonly status: number
  readonly code: string | null
  readonly helseindikatorStatus?: number
  /** Situations the request met that the status and code do not show (see COVERAGE_SITUATIONS). */
  readonly situations?: readonly CoverageSituation[]
}

/** What a request can meet that its status and code do not show, for the readiness checklist. */
export const COVERAGE_SITUATIONS = ['consent-headers', 'slow-answer'] as const
export type CoverageSituation = typeof COVERAGE_SITUATIONS[number]

export interface EndpointCoverage {
  count: number
  /** Answer status → count. */
  statuses: Record<string, number>
}

export interface CoverageSnapshot {
  requests: number
  /** The faces requests went to, in the order first used. */
  faces: JournalFace[]
  endpoints: Record<string, EndpointCoverage>
  /** Status 0-4 → how many helseindikator answers had it; zero counts included, to show the gaps. */
  helseindikatorStatuses: Record<string, number>
  /** Error code (`KJF-...`, `oauth:invalid_client`) → count. */
  codes: Record<string, number>
  /** For each Kjernejournal face used: the catalogue codes it has not served yet. */
  notServed: Partial<Record<CatalogueFace, string[]>>
  /** Situation -> how many requests met it; zero counts included. */
  situations: Record<CoverageSituation, number>
}

/** Far above the number of routes and codes: only a runaway could reach it. */
const KEY_CAP = 1000

function isCatalogueFace (face: JournalFace): face is CatalogueFace {
  return (CATALOGUE_FACES as readonly string[]).includes(face)
}

function increment (counts: Map<string, number>, key: string): void {
  const seen = counts.get(key)
  if (seen === undefined && counts.size >= KEY_CAP) return
  counts.set(key, (seen ?? 0) + 1)
}

export class Coverage {
  #requests = 0
  readonly #faces = new Set<JournalFace>()
  readonly #endpoints = new Map<string, { count: number, statuses: Map<string, number> }>()
  readonly #indicator = [0, 0, 0, 0, 0]
  readonly #codes = new Map<string, number>()
  readonly #situations = new Map<CoverageSituation, number>()

  record (served: CoverageRecord): void {
    this.#requests++
    this.#faces.add(served.face)
    if (served.endpoint !== null) {
      let endpoint = this.#endpoints.get(served.endpoint)
      if (endpoint === undefined && this.#endpoints.size < KEY_CAP) {
        endpoint = { count: 0, statuses: new Map() }
        this.#endpoints.set(served.endpoint, endpoint)
      }
      if (endpoint !== undefined) {
        endpoint.count++
        increment(endpoint.statuses, String(served.status))
      }
    }
    const indicator = served.helseindikatorStatus
    if (indicator !== undefined && indicator >= 0 && indicator < this.#indicator.length) this.#indicator[indicator]++
    if (served.code !== null) increment(this.#codes, served.code)
    for (const situation of served.situations ?? []) this.#situations.set(situation, (this.#situations.get(situation) ?? 0) + 1)
  }

  snapshot (): CoverageSnapshot {
    const endpoints: Record<string, EndpointCoverage> = {}
    for (const [key, { count, statuses }] of [...this.#endpoints].sort(([a], [b]) => a.localeCompare(b))) {
      endpoints[key] = { count, statuses: Object.fromEntries(statuses) }
    }
    const notServed: Partial<Record<CatalogueFace, string[]>> = {}
    for (const face of this.#faces) {
      if (!isCatalogueFace(face)) continue
      notServed[face] = CATALOGUE
        .filter((entry) => (entry.faces as readonly CatalogueFace[]).includes(face) && !this.#codes.has(entry.code))
        .map((entry) => entry.code)
    }
    return {
      requests: this.#requests,
      faces: [...this.#faces],
      endpoints,
      helseindikatorStatuses: Object.fromEntries(this.#indicator.map((count, status) => [String(status), count])),
      codes: Object.fromEntries([...this.#codes].sort(([a], [b]) => a.localeCompare(b))),
      notServed,
      situations: Object.fromEntries(COVERAGE_SITUATIONS.map((s) => [s, this.#situations.get(s) ?? 0])) as Record<CoverageSituation, number>
    }
  }

  clear (): void {
    this.#requests = 0
    this.#faces.clear()
    this.#endpoints.clear()
    this.#indicator.fill(0)
    this.#codes.clear()
    this.#situations.clear()
  }
}
