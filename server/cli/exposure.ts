/**
 * The one line `start` prints when the admin API is open to the network without ADMIN_TOKEN:
 * anyone who can reach the port can then reset sessions, register clients and read the journal.
 * A laptop on an office network is the common case (robustness probe, section 4).
 */
import type { Config } from '../config.js'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i

export function openAdminWarning (config: Config): string | undefined {
  if (config.ADMIN_TOKEN !== undefined || LOOPBACK.test(config.HOST)) return undefined
  return `the admin API (/__admin) is open to every peer that reaches ${config.HOST}:${config.PORT}: set ADMIN_TOKEN, or HOST=127.0.0.1 to stay local`
}
