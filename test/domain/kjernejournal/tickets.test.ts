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
