/** HTML escaping for the dashboard's server-rendered pages: every value goes through `esc`. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function esc (value: string | number | boolean | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] as string)
}

/** The CSS class of an HTTP status: ok (2xx/3xx), client (4xx), server (5xx). */
export function statusClass (status: number): string {
  if (status >= 500) return 'st-server'
  if (status >= 400) return 'st-client'
  return 'st-ok'
}
