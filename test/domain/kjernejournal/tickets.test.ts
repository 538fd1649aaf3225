import t from 'tap'
import { requireTicket, TicketCipher, ticketFingerprint } from '../../../server/domain/kjernejournal/tickets.js'

const claims = { orgnr: '310001295', nin: '24868510168', samtykke: 'HPUNNTAK' as const, iat: 1000, exp: 4600 }

t.test('a ticket opens with the key it was made with, not another', async (t) => {
  const cipher = new TicketCipher('key material')
  const ticket = await cipher.issue(claims)
  t.same(await cipher.open(ticket, { now: 2000 }), claims)
  await t.rejects(new TicketCipher('other material').open(ticket, { now: 2000 }), { code: 'KJF-000011' })
  await t.resolves(new TicketCipher('key material').open(ticket, { now: 2000 }), 'the same material after a restart opens it')
})

t.test('missing tickets get the face\'s code; present ones are checked', async (t) => {
  const cipher = new TicketCipher('key material')
  const ticket = await cipher.issue(claims)
  await t.rejects(requireTicket(cipher, undefined, { now: 2000 }, 'KJF-000259'), { code: 'KJF-000259' })
  await t.rejects(requireTicket(cipher, '  ', { now: 2000 }, 'KJF-000294'), { code: 'KJF-000294' })
  t.same(await requireTicket(cipher, [ticket], { now: 2000, nin: claims.nin, orgnrs: ['310001147', '310001295'] }, 'KJF-000259'), claims)
  await t.rejects(requireTicket(cipher, ticket, { now: 4600 }, 'KJF-000259'), { code: 'KJF-000015' })
})

t.test('fingerprints name a ticket in logs without revealing it', async (t) => {
  const ticket = await new TicketCipher('k').issue(claims)
  t.equal(ticketFingerprint(ticket), ticketFingerprint(ticket))
  t.equal(ticketFingerprint(ticket).length, 12)
  t.notOk(ticket.includes(ticketFingerprint(ticket)))
})

t.test('a ticket looks like a real one: 64 characters of standard base64, with a + and a /', async (t) => {
  const cipher = new TicketCipher('key material')
  const places = new Set<string>()
  for (let i = 0; i < 50; i++) {
    const ticket = await cipher.issue({ ...claims, iat: 1000 + i, exp: 4600 + i })
    t.match(ticket, /^[A-Za-z0-9+/]{64}$/, 'the size and alphabet of NHN\'s example')
    t.ok(ticket.includes('+') && ticket.includes('/'), 'both characters that break an unencoded URL')
    places.add(`${ticket.indexOf('+')} ${ticket.indexOf('/')}`)
  }
  t.ok(places.size >= 20, `the characters are not always in the same places (${places.size} pairs of places in 50 tickets)`)
})

t.test('a ticket binds organisation, patient, consent and both times; the same claims give the same ticket', async (t) => {
  const cipher = new TicketCipher('key material')
  const ticket = await cipher.issue(claims)
  t.equal(await cipher.issue(claims), ticket, 'deterministic with the same key')
  const variants = [
    { ...claims, orgnr: '310001147' }, { ...claims, nin: '17815810112' }, { orgnr: claims.orgnr, nin: claims.nin, iat: claims.iat, exp: claims.exp },
    { ...claims, samtykke: 'HPAKUTT' as const }, { ...claims, iat: 1001 }, { ...claims, exp: 4601 }
  ]
  for (const variant of variants) {
    const other = await cipher.issue(variant)
    t.not(other, ticket)
    t.same(await cipher.open(other, { now: 2000 }), variant, 'every claim comes back as it went in')
  }
  const leadingZeros = { orgnr: '010001295', nin: '01018012345', iat: -30_000_000_000, exp: 33_000_000_000 }
  t.same(await cipher.open(await cipher.issue(leadingZeros), { now: 0 }), leadingZeros, 'leading zeros and a clock a thousand years off')
  await t.rejects(cipher.issue({ ...claims, nin: 'x' }), /eleven-digit/, 'claims helseindikator never makes are our bug')
})

t.test('altered, truncated, re-encoded or foreign tickets are KJF-000011, never a crash', async (t) => {
  const cipher = new TicketCipher('key material')
  const ticket = await cipher.issue(claims)
  const bytes = Buffer.from(ticket, 'base64')
  const flipped = (at: number): string => { const b = Buffer.from(bytes); b[at] = (b[at] as number) ^ 1; return b.toString('base64') }
  const variants = {
    'iv changed': flipped(0),
    'payload changed': flipped(20),
    'tag changed': flipped(47),
    'a + arrived as a space': ticket.replaceAll('+', ' '),
    'base64url instead of base64': Buffer.from(bytes).toString('base64url'),
    'URL-encoded twice over': encodeURIComponent(ticket),
    truncated: ticket.slice(0, 60),
    'one character more': `${ticket}A`,
    'padded to 68': Buffer.concat([bytes, Buffer.from([0])]).toString('base64'),
    'the old JWE kind': Buffer.from('eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaa.bbbb.cccc').toString('base64'),
    'not base64 at all': '%%%not base64%%%',
    empty: ''
  }
  for (const [name, value] of Object.entries(variants)) {
    await t.rejects(cipher.open(value, { now: 2000 }), { code: 'KJF-000011' }, name)
  }
})

t.test('an opened ticket is remembered, and still checked on every request', async (t) => {
  const cipher = new TicketCipher('key material')
  const ticket = await cipher.issue(claims)
  t.same(await cipher.open(ticket, { now: 2000, nin: claims.nin }), claims, 'first open decrypts')
  t.same(await cipher.open(ticket, { now: 2001, nin: claims.nin }), claims, 'second open is remembered')
  await t.rejects(cipher.open(ticket, { now: 4600 }), { code: 'KJF-000015' }, 'expiry is judged each time')
  await t.rejects(cipher.open(ticket, { now: 2000, nin: '17815810112' }), { code: 'KJF-000011' }, 'the patient is checked each time')
  await t.rejects(cipher.open(ticket, { now: 2000, orgnrs: ['999999999'] }), { code: 'KJF-000011' }, 'the organisation is checked each time')
  const altered = Buffer.from(Buffer.from(ticket, 'base64').toString('utf8').replace(/.$/, (c) => c === 'A' ? 'B' : 'A')).toString('base64')
  await t.rejects(cipher.open(altered, { now: 2000 }), { code: 'KJF-000011' }, 'an altered ticket is not the remembered one')
  await t.rejects(cipher.open(altered, { now: 2000 }), { code: 'KJF-000011' }, 'and a refused one is refused again')
})

t.test('tickets issued again come from memory and stay right past its bound', async (t) => {
  const cipher = new TicketCipher('key material')
  const fresh = new TicketCipher('key material')
  const first = await cipher.issue(claims)
  t.equal(await cipher.issue({ ...claims }), first, 'the same claims, the same ticket')
  t.not(await cipher.issue({ ...claims, samtykke: 'HPAKUTT' }), first, 'other consent, another ticket')
  const { samtykke: _none, ...withoutConsent } = claims
  t.not(await cipher.issue(withoutConsent), first, 'no consent, another ticket')
  for (let i = 0; i < 1500; i++) await cipher.issue({ ...claims, iat: 2000 + i, exp: 5600 + i })
  t.equal(await cipher.issue(claims), first, 'sealed again after it left memory: the same ticket')
  t.equal(await cipher.issue({ ...claims, iat: 2001, exp: 5601 }), await fresh.issue({ ...claims, iat: 2001, exp: 5601 }))
  t.same(await cipher.open(first, { now: 2000 }), claims, 'an issued ticket opens')
  const opened = await cipher.open(first, { now: 2000 })
  t.ok(Object.isFrozen(opened), 'what open gives cannot be changed by a caller')
})
