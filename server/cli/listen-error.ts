/**
 * Why `start` could not listen, as one line naming the setting to change. The tryout got a raw
 * Node stack for a busy port although the README promises that a bad setting stops start-up
 * with one line; the port and host are settings like any other, so their failures are too.
 */
import { ConfigError } from '../config.js'

/** The listen failures a user fixes with PORT or HOST; anything else stays a bug with a stack. */
export function listenError (err: unknown, at: { readonly PORT: number, readonly HOST: string }): ConfigError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  const where = `port ${at.PORT} on ${at.HOST}`
  switch (code) {
    case 'EADDRINUSE': return new ConfigError(`${where} is already in use; set PORT (or --port) to a free port, or stop what listens there`)
    case 'EACCES': return new ConfigError(`${where} needs privileges this process does not have; set PORT (or --port) to 1024 or above`)
    case 'EADDRNOTAVAIL': return new ConfigError(`HOST ${at.HOST} is not an address of this machine; set HOST (or --host) to 0.0.0.0, 127.0.0.1 or one of its addresses`)
    default: return undefined
  }
}
