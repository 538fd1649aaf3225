/** Synthetic national identity numbers (month + 80) that are no fixture patient, for tests that add patients. */
import { withCheckDigits } from '../../server/domain/nin.js'

export function syntheticNins (count: number, day = 3): string[] {
  const out: string[] = []
  for (let individ = 100; out.length < count && individ < 500; individ++) {
    const nin = withCheckDigits(`${String(day).padStart(2, '0')}8875${String(individ)}`)
    if (nin !== undefined) out.push(nin)
  }
  return out
}
