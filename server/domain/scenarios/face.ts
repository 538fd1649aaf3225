/**
 * Which face of the sandbox a URL belongs to, as scenarios name them. Finer than `faceOf` in
 * server/plugins/faces.ts (which only needs the error shape): scenarios target one Kjernejournal
 * API at a time. The session prefix `/s/<id>` is not part of the path scenarios see.
 */
export const SCENARIO_FACES = ['helseid', 'kjernejournal', 'fhir-legacy', 'critical-information', 'admin'] as const

export type ScenarioFace = (typeof SCENARIO_FACES)[number]

/** The path without query string and session prefix: what `when.path` is matched against. */
export function scenarioPathOf (url: string): string {
  const path = url.split('?')[0] ?? ''
  return path.replace(/^\/s\/[^/]+(?=\/|$)/, '') || '/'
}

const HELSEID_PREFIXES = ['/.well-known/', '/connect/', '/v2/create-test-token']

/** 'other' is a path no face owns (the API docs, unknown roots): only face-less rules match it. */
export function scenarioFaceOf (url: string): ScenarioFace | 'other' {
  const path = scenarioPathOf(url)
  if (HELSEID_PREFIXES.some((p) => path.startsWith(p))) return 'helseid'
  if (path === '/__admin' || path.startsWith('/__admin/')) return 'admin'
  if (path === '/v1/fhir' || path.startsWith('/v1/fhir/')) return 'fhir-legacy'
  if (path === '/api/critical-information' || path.startsWith('/api/critical-information/')) return 'critical-information'
  if (path.startsWith('/v1/')) return 'kjernejournal'
  return 'other'
}
