import t from 'tap'
import { requireTicket, TicketCipher, ticketFingerprint } from '../../../server/domain/kjernejournal/tickets.js'

const claims = { orgnr: '310001295', nin: '24868510168', samtykke: 'HPUNNTAK' as const, iat: 1000, exp: 4600 }

t.test('a ticket opens with the key it was made with, not another', async (t) => {
  const cipher = new TicketCipher('key material')
  const ticket = await cipher.issue(claims)
  t.same(await cipher.open(ticket, { now: 2000 }), claims)
  t.not(ticket, await cipher.issue(claims), 'two tickets for the same claims differ (random IV)')
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

t.test('a ticket is a standard JWE (dir + A256GCM) in base64, which jose opens with the same key', async (t) => {
  const { compactDecrypt, decodeProtectedHeader } = await import('jose')
  const { hkdfSync } = await import('node:crypto')
  const ticket = await new TicketCipher('key material').issue(claims)
  t.match(ticket, /^[A-Za-z0-9+/]+=*$/, 'standard base64 outside')
  const jwe = Buffer.from(ticket, 'base64').toString('utf8')
  t.equal(jwe.split('.').length, 5)
  t.same(decodeProtectedHeader(jwe), { alg: 'dir', enc: 'A256GCM' })
  const key = new Uint8Array(hkdfSync('sha256', 'key material', 'kjernejournal-sandbox', 'helseindikator ticket key', 32))
  const { plaintext } = await compactDecrypt(jwe, key)
  t.same(JSON.parse(new TextDecoder().decode(plaintext)), claims)
})

t.test('altered, truncated, re-headed or foreign tickets are KJF-000011, never a crash', async (t) => {
  const cipher = new TicketCipher('key material')
  const jwe = Buffer.from(await cipher.issue(claims), 'base64').toString('utf8')
  const [header, key, iv, ciphertext, tag] = jwe.split('.') as [string, string, string, string, string]
  const flip = (part: string) => `${part.slice(0, -2)}${part.endsWith('AA') ? 'BB' : 'AA'}`
  const b64 = (text: string) => Buffer.from(text).toString('base64')
  const { CompactEncrypt } = await import('jose')
  const otherAlg = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'dir', enc: 'A128GCM' }).encrypt(new Uint8Array(16))
  const variants = {
    'ciphertext changed': [header, key, iv, flip(ciphertext), tag].join('.'),
    'tag changed': [header, key, iv, ciphertext, flip(tag)].join('.'),
    'iv changed': [header, key, flip(iv), ciphertext, tag].join('.'),
    'short tag': [header, key, iv, ciphertext, tag.slice(0, 8)].join('.'),
    'a wrapped key added': [header, 'AAAA', iv, ciphertext, tag].join('.'),
    'another header': [Buffer.from('{"alg":"dir","enc":"A256GCM","x":1}').toString('base64url'), key, iv, ciphertext, tag].join('.'),
    'four parts': [header, key, iv, ciphertext].join('.'),
    'another enc': otherAlg,
    'not base64 JSON at all': '{}',
    empty: ''
  }
  for (const [name, value] of Object.entries(variants)) {
    await t.rejects(cipher.open(b64(value), { now: 2000 }), { code: 'KJF-000011' }, name)
  }
  await t.rejects(cipher.open('%%%not base64%%%', { now: 2000 }), { code: 'KJF-000011' }, 'garbage')
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
