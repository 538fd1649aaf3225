/**
 * The TTT's answer, `TestTokenResponse` in HelseID's sample models: exactly one of
 * `successResponse` and `errorResponse` is set, `isError` says which.
 * @see https://github.com/NorskHelsenett/HelseID.Samples/tree/main/HelseId.Samples.TestTokenDemo/TttModels/Response
 */

/** A request the TTT cannot serve; its message goes to `errorResponse.errorMessage`. */
export class TestTokenError extends Error {
  override name = 'TestTokenError'
}

export interface TestTokens {
  readonly accessTokenJwt: string
  /**
   * null unless a DPoP proof was asked for. HelseID's sample client tests it against null and
   * decodes it otherwise, so an empty string would break that client.
   */
  readonly dPoPProof: string | null
}

export interface TestTokenResponse {
  readonly isError: boolean
  readonly successResponse: TestTokens | null
  readonly errorResponse: { readonly errorMessage: string } | null
}

export function successResponse (tokens: TestTokens): TestTokenResponse {
  return { isError: false, successResponse: tokens, errorResponse: null }
}

export function errorResponse (errorMessage: string): TestTokenResponse {
  return { isError: true, successResponse: null, errorResponse: { errorMessage } }
}
