/**
 * Norwegian national identity numbers (fødselsnummer and its variants), with mod-11 check digits.
 * The sandbox's synthetic people use Skatteetaten's synthetic numbers (month + 80), so they can
 * never be a real person.
 * @see https://skatteetaten.github.io/api-dokumentasjon/test/testmiljo
 */
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

export type NinKind = 'fnr' | 'dnr' | 'hnr' | 'fhnr'

export interface NinInfo {
  kind: NinKind
  /** True for Skatteetaten's synthetic (Tenor / Test-Norge) numbers: month + 80. */
  synthetic: boolean
  /** Birth date (UTC midnight) where the number carries one; undefined for FH numbers. */
  birthDate?: Date
}

function checkDigit (digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] as number), 0)
  const k = 11 - (sum % 11)
  if (k === 11) return 0
  return k === 10 ? undefined : k
}

/** Both check digits hold (the pre-2032 rule, which every number issued so far follows). */
export function hasValidChecksum (nin: string): boolean {
  if (!/^\d{11}$/.test(nin)) return false
  const d = [...nin].map(Number)
  return checkDigit(d, K1_WEIGHTS) === d[9] && checkDigit(d, K2_WEIGHTS) === d[10]
}

function centuryOf (yy: number, individ: number): number | undefined {
  if (individ <= 499) return 1900
  if (individ <= 749 && yy >= 54) return 1800
  if (individ >= 900 && yy >= 40) return 1900
  if (individ >= 500 && yy <= 39) return 2000
  return undefined
}

/** Classifies a number; undefined when it is not a valid identity number of any kind. */
export function parseNin (nin: string): NinInfo | undefined {
  if (!hasValidChecksum(nin)) return undefined
  const first = Number(nin[0])
  if (first >= 8) return { kind: 'fhnr', synthetic: false }
  let day = Number(nin.slice(0, 2))
  let month = Number(nin.slice(2, 4))
  let kind: NinKind = 'fnr'
  if (day > 40) { day -= 40; kind = 'dnr' }
  let synthetic = false
  if (month > 80) { month -= 80; synthetic = true } else if (month > 40) { month -= 40; kind = 'hnr' }
  const yy = Number(nin.slice(4, 6))
  const century = centuryOf(yy, Number(nin.slice(6, 9)))
  if (century === undefined) return undefined
  const birthDate = new Date(Date.UTC(century + yy, month - 1, day))
  if (birthDate.getUTCDate() !== day || birthDate.getUTCMonth() !== month - 1) return undefined
  return { kind, synthetic, birthDate }
}

export function isValidNin (nin: string): boolean {
  return parseNin(nin) !== undefined
}

/** Completes 9 digits with both check digits; undefined when no valid number exists for them. */
export function withCheckDigits (nine: string): string | undefined {
  const d = [...nine].map(Number)
  const k1 = checkDigit(d, K1_WEIGHTS)
  if (k1 === undefined) return undefined
  const k2 = checkDigit([...d, k1], K2_WEIGHTS)
  if (k2 === undefined) return undefined
  return `${nine}${k1}${k2}`
}

/** Age in whole years at `at`, for numbers that carry a birth date. */
export function ageAt (birthDate: Date, at: Date): number {
  let age = at.getUTCFullYear() - birthDate.getUTCFullYear()
  const before = at.getUTCMonth() < birthDate.getUTCMonth() ||
    (at.getUTCMonth() === birthDate.getUTCMonth() && at.getUTCDate() < birthDate.getUTCDate())
  if (before) age--
  return age
}
