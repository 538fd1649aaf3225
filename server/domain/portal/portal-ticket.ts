/**
 * The legacy way in: the helseindikator ticket in the URL. The ticket checks are the API's
 * (tickets.ts); the portal answers them with its own codes: not one of ours, altered or badly
 * URL-encoded AUT_119, expired AUT_002, absent AUT_105.
 */
import { KjError } from '../kj-error.js'
import type { TicketCipher, TicketClaims } from '../kjernejournal/tickets.js'

export async function openPortalTicket (cipher: TicketCipher, ticket: string | undefined, now: number): Promise<TicketClaims> {
  if (ticket === undefined || ticket.trim() === '') {
    throw new KjError('AUT_105', 'hentpasient.html needs ?ticket=<URL-encoded ticket from helseindikator> (or code and ehr_code_verifier from /api/session/create)')
  }
  try {
    return await cipher.open(ticket, { now })
  } catch (err) {
    if (!(err instanceof KjError)) throw err
    if (err.code === 'KJF-000015') throw new KjError('AUT_002', err.diagnostics)
    // A '+' that was not URL-encoded arrives as a space: the commonest way to break a ticket.
    const hint = ticket.includes(' ') ? '; it contains a space, so a + was probably not URL-encoded (%2B)' : ''
    throw new KjError('AUT_119', `${err.diagnostics ?? err.message}${hint}`)
  }
}
