/**
 * Whether a Host header names this sandbox (loopback, IP literals, the hosts of PUBLIC_URL(S), this
 * machine's name, ALLOWED_HOSTS): the admin API and the dashboard both refuse other names, since
 * DNS rebinding arrives with a name the attacker owns.
 */
import { hostname } from 'node:os'
import { isIP } from 'node:net'
import type { Config } from '../../config.js'

/** The host part of a Host header (`name:port`, `[v6]:port`), lower case. */
function hostOf (header: string): string {
  const host = header.trim().toLowerCase()
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') < 0 ? undefined : host.indexOf(']'))
  const colon = host.lastIndexOf(':')
  return colon < 0 ? host : host.slice(0, colon)
}

/** Whether a Host header names this sandbox: DNS rebinding comes with a name the attacker owns. */
export function hostAllowed (config: Config, header: string | undefined): boolean {
  if (config.ALLOWED_HOSTS === '*' || header === undefined) return true
  const host = hostOf(header)
  if (isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost')) return true
  if (config.PUBLIC_URLS.some((url) => host === new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, ''))) return true
  if (host === hostname().toLowerCase()) return true
  return (config.ALLOWED_HOSTS ?? []).includes(host)
}
