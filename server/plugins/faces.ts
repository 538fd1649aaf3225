/**
 * Which face of the sandbox a URL belongs to; decides the error shape. Kept by path so that
 * 404s and framework errors (raised before any route runs) get the right shape too.
 */
export type Face = 'helseid' | 'admin' | 'other'

const HELSEID_PREFIXES = ['/.well-known/', '/connect/', '/v2/create-test-token']

export function faceOf (url: string): Face {
  const path = url.replace(/^\/s\/[^/]+/, '')
  if (HELSEID_PREFIXES.some((p) => path.startsWith(p))) return 'helseid'
  if (path.startsWith('/__admin')) return 'admin'
  return 'other'
}
