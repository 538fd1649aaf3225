/**
 * Helseindikator tickets: opaque strings that bind an organisation, a patient and the consent,
 * valid an hour by default and reusable within it (seed 003: "a ticket is valid for one hour,
 * and can be reused for that time ... it will only be valid for the specific patient").
 * Inside is a JWE (dir + A256GCM) so nobody can read or forge one; outside it is standard
 * base64, like the real ticket, so EHRs must URL-encode it for the portal as they must for real.
 */
import { createHash, hkdfSync } from 'node:crypto'
import { compactDecrypt, CompactEncrypt, errors } from 'jose'
import { KjError } from '../kj-error.js'

export type Samtykke = 'HPMOTTATTSAMTYKKE' | 'HPAKUTT' | 'HPUNNTAK'

export interface TicketClaims {
  /** The organisation the ticket was issued to. */
  readonly orgnr: string
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

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export class TicketCipher {
  readonly #key: Uint8Array

  /** The key derives from key material the sandbox keeps (its signing key), so tickets survive restarts with KEYS_FILE. */
  constructor (keyMaterial: string) {
    this.#key = new Uint8Array(hkdfSync('sha256', keyMaterial, 'kjernejournal-sandbox', 'helseindikator ticket key', 32))
  }

  async issue (claims: TicketClaims): Promise<string> {
    const jwe = await new CompactEncrypt(encoder.encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(this.#key)
    return Buffer.from(jwe, 'utf8').toString('base64')
  }

  /** Reads a ticket; a ticket that is not one of ours is KJF-000011, an old one KJF-000015. */
  async open (ticket: string, check: TicketCheck): Promise<TicketClaims> {
    let claims: TicketClaims
    try {
      const jwe = Buffer.from(ticket.trim(), 'base64').toString('utf8')
      const { plaintext } = await compactDecrypt(jwe, this.#key)
      claims = JSON.parse(decoder.decode(plaintext)) as TicketClaims
    } catch (err) {
      if (err instanceof errors.JOSEError || err instanceof SyntaxError || err instanceof TypeError) {
        throw new KjError('KJF-000011', 'the ticket is not one this Kjernejournal issued, or it was altered')
      }
      throw err
    }
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
  return createHash('sha256').update(ticket).digest('base64url').slice(0, 12)
}
