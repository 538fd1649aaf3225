/**
 * Secret random bytes drawn from a pool refilled a few kilobytes at a time. A call into the
 * system's random source costs the same for 12 bytes as for 4 KB, and one per ticket was 3-8 %
 * of helseindikator's CPU under load (issue 17's profile); the bytes are the same
 * cryptographically secure ones crypto.randomBytes gives, each handed out once.
 */
import { randomFillSync } from 'node:crypto'

const POOL_BYTES = 4096

let pool = Buffer.alloc(0)
let next = 0

/** `size` fresh secure random bytes, a copy of its own (the pool is overwritten when refilled). */
export function pooledRandomBytes (size: number): Buffer {
  if (size > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(size))
  if (next + size > pool.length) {
    // A new buffer rather than refilling in place: nothing handed out can alias what comes next.
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES))
    next = 0
  }
  const out = Buffer.allocUnsafe(size)
  pool.copy(out, 0, next, next + size)
  // Drawn bytes are wiped, so the pool never holds a secret already given out.
  pool.fill(0, next, next + size)
  next += size
  return out
}
