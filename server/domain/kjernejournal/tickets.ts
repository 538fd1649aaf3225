/**
 * Helseindikator tickets: opaque strings that bind an organisation, a patient and the consent,
 * valid an hour by default and reusable within it (seed 003: "a ticket is valid for one hour,
 * and can be reused for that time ... it will only be valid for the specific patient").
 * They look like the real ones (64 characters of standard base64, with `+` and `/`), so an EHR
 * that forgets to URL-encode a ticket for the portal fails here as it would at NHN: the layout
 * and its sealing are in ticket-seal.ts.
 */
import { hash } from 'node:crypto'
import { KjError } from '../kj-error.js'
import { openTicket, sealTicket, ticketKeys, type TicketKeys } from './ticket-seal.js'

export type Samtykke = 'HPMOTTATTSAMTYKKE' | 'HPAKUTT' | 'HPUNNTAK'

export interface TicketClaims {
  /** The organisation the ticket was issued to (nine digits). */
  readonly orgnr: string
  /** Eleven digits. */
  readonly nin: string
  readonly samtykke?: Samtykke
  /** Seconds since the epoch, sandbox time. */
  readonly iat: number
  readonly exp: number
}

export interface TicketCheck {
  /** Sandbox time, seconds. */
  readonly now: number
  /** The patient the request is about, when the request names one. */
  readonly nin?: string
  /** The organisations of the caller's token (orgnr_child, orgnr_parent). */
  readonly orgnrs?: readonly string[]
}

/** Opened tickets remembered; a ticket string is 64 characters. */
export const OPENED_TICKETS_MAX = 1024

export class TicketCipher {
  readonly #keys: TicketKeys

  /** The keys derive from key material the sandbox keeps (its signing key), so tickets survive restarts with KEYS_FILE. */
  constructor (keyMaterial: string) {
    this.#keys = ticketKeys(keyMaterial)
  }

  /**
   * Tickets already opened, by their exact string: an EHR sends one ticket on every call for a
   * patient, and what decryption proves never changes for the same bytes and key. Only tickets
   * that opened are kept; expiry, patient and organisation are still checked on every request.
   * Bounded: the oldest opened goes first.
   */
  readonly #opened = new Map<string, TicketClaims>()

  #openOnce (ticket: string): TicketClaims {
    const claims = openTicket(this.#keys, ticket.trim())
    if (claims === undefined) throw new KjError('KJF-000011', 'the ticket is not one this Kjernejournal issued, or it was altered (a ticket is 64 characters of standard base64; a + that arrives as a space breaks it)')
    return this.#remember(ticket, claims)
  }

  /**
   * Tickets issued, by their claims. Sealing is deterministic (ticket-seal.ts), so the same
   * claims within the same second are the same ticket: an EHR that asks helseindikator again for
   * a patient gets it without another seal. A ticket issued is also one that opens, so it is
   * remembered as opened too. Bounded: the oldest goes first.
   */
  readonly #issued = new Map<string, string>()

  #remember (ticket: string, claims: TicketClaims): TicketClaims {
    if (this.#opened.size >= OPENED_TICKETS_MAX) this.#opened.delete(this.#opened.keys().next().value as string)
    const frozen = Object.freeze({ ...claims })
    this.#opened.set(ticket, frozen)
    return frozen
  }

  async issue (claims: TicketClaims): Promise<string> {
    const key = `${claims.orgnr} ${claims.nin} ${claims.samtykke ?? ''} ${claims.iat} ${claims.exp}`
    const issued = this.#issued.get(key)
    if (issued !== undefined) return issued
    const ticket = sealTicket(this.#keys, claims)
    if (this.#issued.size >= OPENED_TICKETS_MAX) this.#issued.delete(this.#issued.keys().next().value as string)
    this.#issued.set(key, ticket)
    this.#remember(ticket, claims)
    return ticket
  }

  /** Reads a ticket; a ticket that is not one of ours is KJF-000011, an old one KJF-000015. */
  async open (ticket: string, check: TicketCheck): Promise<TicketClaims> {
    const claims = this.#opened.get(ticket) ?? this.#openOnce(ticket)
    if (claims.exp <= check.now) throw new KjError('KJF-000015', `the ticket expired ${check.now - claims.exp} seconds ago`)
    if (check.nin !== undefined && claims.nin !== check.nin) {
      throw new KjError('KJF-000011', 'the ticket was issued for another patient')
    }
    if (check.orgnrs !== undefined && !check.orgnrs.includes(claims.orgnr)) {
      throw new KjError('KJF-000011', 'the ticket was issued to another organisation')
    }
    return claims
  }
}

/**
 * The ticket a request carries in a header, opened and checked. Which code a missing ticket
 * gets depends on the face: KJF-000259 "Missing X-KJ-Ticket in header" on the ticket-based FHIR
 * face, KJF-000294 "Ticket is required, but is not present in the request" elsewhere.
 */
export async function requireTicket (
  cipher: TicketCipher,
  header: string | string[] | undefined,
  check: TicketCheck,
  missing: 'KJF-000259' | 'KJF-000294'
): Promise<TicketClaims> {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || value.trim() === '') throw new KjError(missing, 'send the ticket from helseindikator')
  return cipher.open(value, check)
}

/** A stable fingerprint of a ticket for logs and the journal: tickets are never logged whole. */
export function ticketFingerprint (ticket: string): string {
  // One-shot: no Hash object per ticket the journal records.
  return hash('sha256', ticket, 'base64url').slice(0, 12)
}
