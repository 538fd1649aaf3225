/**
 * Socket timeouts from the settings, so slow or stalled clients (slow loris: headers dribbled a
 * byte at a time) cannot hold connections forever. Node checks header and request deadlines on a
 * timer (`connectionsCheckingInterval`, 30 s by default); it runs at a quarter of the header
 * timeout here so a short timeout is enforced close to when it is due.
 */
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'

type Timeouts = Pick<FastifyServerOptions, 'requestTimeout' | 'connectionTimeout' | 'keepAliveTimeout'> & {
  http: { headersTimeout: number, requestTimeout: number, connectionsCheckingInterval: number }
}

const ms = (seconds: number): number => Math.round(seconds * 1000)

export function socketTimeouts (config: Config): Timeouts {
  const request = ms(config.REQUEST_TIMEOUT)
  const headers = ms(config.HEADERS_TIMEOUT)
  return {
    requestTimeout: request,
    connectionTimeout: ms(config.CONNECTION_TIMEOUT),
    keepAliveTimeout: ms(config.KEEP_ALIVE_TIMEOUT),
    http: {
      headersTimeout: headers,
      requestTimeout: request,
      connectionsCheckingInterval: Math.max(25, Math.min(30_000, Math.floor(headers / 4)))
    }
  }
}
