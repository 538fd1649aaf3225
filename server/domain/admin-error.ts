/**
 * The one error type of the sandbox's own control API (/__admin, the dashboard, and the
 * sandbox-level refusals such as a bad X-Sandbox-Session). Rendered as `{error, message, details?}`
 * by server/faces/admin.ts. Lives next to KjError and OAuthError so routes throw it without
 * importing a plugin.
 */
export class AdminError extends Error {
  override name = 'AdminError'
  readonly statusCode: number
  readonly code: string
  readonly details?: unknown
  constructor (statusCode: number, code: string, message: string, details?: unknown) {
    super(message)
    this.statusCode = statusCode
    this.code = code
    this.details = details
  }
}
