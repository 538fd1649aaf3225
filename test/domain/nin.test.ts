import t from 'tap'
import { ageAt, hasValidChecksum, isValidNin, parseNin, withCheckDigits } from '../../server/domain/nin.js'

t.test('checksums: published test numbers pass, a changed digit fails', async (t) => {
  t.ok(hasValidChecksum('13116900216'), 'NHN test patient LINE DANSER')
  t.ok(hasValidChecksum('01887840020'))
  t.notOk(hasValidChecksum('01887840021'))
  t.notOk(hasValidChecksum('0188784002'))
  t.notOk(hasValidChecksum('0188784002a'))
})

t.test('kinds: fnr, D-number, H-number, FH-number and synthetic +80 numbers', async (t) => {
  t.match(parseNin('13116900216'), { kind: 'fnr', synthetic: false })
  t.match(parseNin('01887840020'), { kind: 'fnr', synthetic: true })
  t.same(parseNin('01887840020')?.birthDate, new Date(Date.UTC(1978, 7, 1)))
  const dnr = withCheckDigits('418878400') ?? withCheckDigits('418878401')
  t.ok(dnr)
  t.match(parseNin(dnr as string), { kind: 'dnr', synthetic: true })
  const hnr = withCheckDigits('015178400') ?? withCheckDigits('015178401')
  t.match(parseNin(hnr as string), { kind: 'hnr' })
  const fh = withCheckDigits('812345678') ?? withCheckDigits('812345679')
  t.match(parseNin(fh as string), { kind: 'fhnr' })
})

t.test('impossible dates are not identity numbers, even with valid check digits', async (t) => {
  const feb30 = withCheckDigits('300280400') ?? withCheckDigits('300280401')
  t.ok(feb30)
  t.notOk(isValidNin(feb30 as string))
})

t.test('age in whole years', async (t) => {
  const born = new Date(Date.UTC(2010, 5, 15))
  t.equal(ageAt(born, new Date(Date.UTC(2026, 5, 14))), 15)
  t.equal(ageAt(born, new Date(Date.UTC(2026, 5, 15))), 16)
})
