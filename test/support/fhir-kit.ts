/**
 * What the end-to-end tests that drive the FHIR faces with fhir-kit-client share: its answers
 * typed as what the test asked for, and a refused request's status and body (fhir-kit-client
 * throws them as an error with `response`).
 */

/** fhir-kit-client error with the HTTP answer it got. */
interface HttpError { response?: { status: number, data: unknown } }

/** fhir-kit-client types every answer as a generic resource; these tests know what they asked for. */
export async function typed<T> (request: Promise<unknown>): Promise<T> {
  return await request as T
}

/** The status and body of a request the test expects to be refused; a success fails the test. */
export async function failure (promise: Promise<unknown>): Promise<{ status: number, data: unknown }> {
  try {
    await promise
  } catch (err) {
    const response = (err as HttpError).response
    if (response !== undefined) return response
    throw err
  }
  throw new Error('the request succeeded')
}
