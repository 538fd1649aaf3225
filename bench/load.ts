/** Time-bounded autocannon runs in the harness process, counted for failures. */
import autocannon from 'autocannon'
import type { Endpoint } from './setup.js'

export interface LoadResult {
  /** Requests per second; for a sequence (the EHR flow), whole sequences per second. */
  readonly requestsPerSec: number
  /** Latency percentiles, milliseconds. */
  readonly p50: number
  readonly p99: number
  readonly requests: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly statusCodes: Record<string, number>
  readonly seconds: number
}

function requestOf (e: Endpoint): autocannon.Request {
  const pool = e.pool
  return {
    method: e.method,
    path: e.path,
    headers: { ...e.headers },
    ...(e.body !== undefined && { body: e.body }),
    ...(pool !== undefined && { setupRequest: (req: autocannon.Request) => ({ ...req, body: pool.take() }) })
  }
}

/** Runs the endpoints (several: in turn on every connection) for `seconds` at `connections`. */
export async function load (base: string, endpoints: readonly Endpoint[], connections: number, seconds: number): Promise<LoadResult> {
  const requests = endpoints.flatMap((e) => e.sequence ?? [requestOf(e)])
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests
  })
  // A lone sequence counts sequences: n requests make one flow.
  const per = endpoints.length === 1 ? requests.length : 1
  const statusCodes: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0
  return {
    requestsPerSec: result.requests.average / per,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    seconds: result.duration
  }
}
