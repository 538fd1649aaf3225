/**
 * The faces of the sandbox, one vocabulary for all of it, and which face a URL belongs to, by
 * path alone, so that 404s and framework errors (raised before any route runs) are classified
 * too. Error rendering picks the wire shape by it (server/faces), scenarios target faces by it,
 * the journal and the error catalogue label with it. The REST face is `rest` everywhere except
 * in scenario files, which have always called it `kjernejournal`: that spelling is mapped here
 * and nowhere else.
 */
import { withoutQuery } from './url-path.js'

export const FACES = ['helseid', 'rest', 'fhir-legacy', 'critical-information', 'portal', 'admin'] as const

export type Face = (typeof FACES)[number]

/** The faces that answer with codes of the error catalogue (its entries' `faces`). */
export const CATALOGUE_FACES = ['rest', 'fhir-legacy', 'critical-information', 'portal'] as const satisfies readonly Face[]

export type CatalogueFace = (typeof CATALOGUE_FACES)[number]

/** A face as scenario files name it (a public contract: the shipped pack, docs/scenarios.md, the schema). */
const SCENARIO_NAMES = {
  helseid: 'helseid',
  rest: 'kjernejournal',
  'fhir-legacy': 'fhir-legacy',
  'critical-information': 'critical-information',
  portal: 'portal',
  admin: 'admin'
} as const satisfies Record<Face, string>

export type ScenarioFaceName = (typeof SCENARIO_NAMES)[Face]

export const SCENARIO_FACE_NAMES = FACES.map((face) => SCENARIO_NAMES[face]) as [ScenarioFaceName, ...ScenarioFaceName[]]

/** The name a scenario file uses for `face`; 'other' (no face) has none a rule could name. */
export function scenarioNameOf (face: Face | 'other'): ScenarioFaceName | 'other' {
  return face === 'other' ? 'other' : SCENARIO_NAMES[face]
}

const HELSEID_PREFIXES = ['/.well-known/', '/connect/', '/v2/create-test-token']
/** The portal stand-in: the legacy page (/hpp-webapp) and the Kjernejournal Innlogging API (/api/session). */
const PORTAL_PREFIXES = ['/hpp-webapp', '/api/session']

/**
 * The path without query string and session prefix `/s/<id>`. Only a valid session id is a
 * prefix (as in the router's rewrite): `/s/%00/v1/ping` routes nowhere, so it belongs to no face.
 */
export function pathOf (url: string): string {
  return withoutQuery(url).replace(/^\/s\/[A-Za-z0-9_-]{1,64}(?=\/|$)/, '') || '/'
}

/** 'other' is a path no face owns (the API docs, unknown roots). */
export function faceOf (url: string): Face | 'other' {
  const path = pathOf(url)
  if (HELSEID_PREFIXES.some((p) => path.startsWith(p))) return 'helseid'
  if (path === '/__admin' || path.startsWith('/__admin/')) return 'admin'
  // The dashboard is sandbox control too: scenarios leave it alone unless a rule names admin.
  if (path === '/' || path.startsWith('/__dashboard/')) return 'admin'
  if (path === '/v1/fhir' || path.startsWith('/v1/fhir/')) return 'fhir-legacy'
  if (path === '/api/critical-information' || path.startsWith('/api/critical-information/')) return 'critical-information'
  if (path.startsWith('/v1/')) return 'rest'
  if (PORTAL_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return 'portal'
  return 'other'
}
