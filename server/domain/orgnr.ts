/**
 * Norwegian organisation numbers (9 digits, mod-11 check digit). Synthetic organisations in
 * Skatteetaten's test register start with 2 or 3, which no real organisation number does.
 * @see https://www.brreg.no/om-oss/registrene-vare/om-enhetsregisteret/organisasjonsnummeret/
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2]

export function isValidOrgnr (orgnr: string): boolean {
  if (!/^\d{9}$/.test(orgnr)) return false
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(orgnr[i]), 0)
  const k = 11 - (sum % 11)
  const check = k === 11 ? 0 : k
  return check !== 10 && check === Number(orgnr[8])
}
