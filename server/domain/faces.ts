/**
 * Which face of the sandbox a URL belongs to, by path alone, so that 404s and framework errors
 * (raised before any route runs) are classified too. The one classifier: error rendering picks
 * the wire shape by it, scenarios target faces by it, the journal labels entries by it.
 */
export const FACES = ['helseid', 'kjernejournal', 'fhir-legacy', 'critical-information', 'portal', 'admin'] as const

export type Face = (typeof FACES)[number]

const HELSEID_PREFIXES = ['/.well-known/', '/connect/', '/v2/create-test-token']
/** The portal stand-in: the legacy page (/hpp-webapp) and the Kjernejournal Innlogging API (/api/session). */
const PORTAL_PREFIXES = ['/hpp-webapp', '/api/session']

/**
 * The path without query string and session prefix `/s/<id>`. Only a valid session id is a
 * prefix (as in the router's rewrite): `/s/%00/v1/ping` routes nowhere, so it belongs to no face.
 */
export function pathOf (url: string): string {
  const path = url.split('?')[0] ?? ''
  return path.replace(/^\/s\/[A-Za-z0-9_-]{1,64}(?=\/|$)/, '') || '/'
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
  if (path.startsWith('/v1/')) return 'kjernejournal'
  if (PORTAL_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return 'portal'
  return 'other'
}
