/**
 * The two ways a session can answer where the sandbox is more lenient than NHN: `lenient` (the
 * default) lets the request through and records a readiness finding; `strict` answers as the
 * newest documentation says the real service does. A session's profile is reset with the session.
 */
export const PROFILES = ['lenient', 'strict'] as const
export type Profile = typeof PROFILES[number]

export function isProfile (value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value)
}
