/**
 * The wait a rule's `delay` asks for, drawn from the session's seeded random: fixed, uniform
 * between min and max, or normal around a mean (Box-Muller), cut to [0, MAX_DELAY_MS] and whole
 * milliseconds. Pure, so tests check the values without waiting.
 */
import type { Random } from '../random.js'
import { MAX_DELAY_MS, type Delay } from './schema.js'

const clamp = (ms: number): number => Math.round(Math.min(MAX_DELAY_MS, Math.max(0, ms)))

export function drawDelay (delay: Delay, random: Random): number {
  if (typeof delay === 'number') return clamp(delay)
  if ('min' in delay) return clamp(delay.min + random.next() * (delay.max - delay.min))
  // 1 - next() is in (0, 1], so the logarithm is finite.
  const u1 = 1 - random.next()
  const u2 = random.next()
  return clamp(delay.mean + delay.stddev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2))
}
