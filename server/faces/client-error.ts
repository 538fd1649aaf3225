/**
 * The one rule every face shares: an error that carries a 4xx `statusCode` (Fastify's own bad
 * JSON, wrong content type, body too large, broken URL, or any error of another face's type
 * that reached this one) is the client's mistake, and the face answers it with its own
 * "invalid request" code. Anything else that is not the face's own error type is our bug.
 */
export interface ClientError {
  readonly status: number
  readonly message: string
}

export function clientError (err: unknown): ClientError | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const { statusCode, message } = err as { statusCode?: unknown, message?: unknown }
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined
  return { status: statusCode, message: typeof message === 'string' ? message : '' }
}
