/**
 * The one error type of the HelseID face. Rendered as RFC 6749 section 5.2 JSON
 * (`error`, `error_description`). HelseID runs Duende IdentityServer, which answers token
 * errors, invalid_client included, with HTTP 400; the sandbox does the same.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-12.2 (invalid_dpop_proof, use_dpop_nonce)
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_target'
  | 'invalid_dpop_proof'
  | 'use_dpop_nonce'
  | 'unsupported_response_type'
  | 'access_denied'
  | 'invalid_request_object'
  | 'invalid_token'
  | 'server_error'

export class OAuthError extends Error {
  override name = 'OAuthError'
  readonly code: OAuthErrorCode
  readonly statusCode: number
  readonly headers: Record<string, string>

  constructor (code: OAuthErrorCode, description: string, options: { statusCode?: number, headers?: Record<string, string> } = {}) {
    super(description)
    this.code = code
    this.statusCode = options.statusCode ?? (code === 'invalid_token' ? 401 : 400)
    this.headers = options.headers ?? {}
  }

  toJSON (): { error: OAuthErrorCode, error_description: string } {
    return { error: this.code, error_description: this.message }
  }
}
