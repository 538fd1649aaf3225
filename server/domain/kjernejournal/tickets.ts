/**
 * Helseindikator tickets: opaque strings that bind an organisation, a patient and the consent,
 * valid an hour by default and reusable within it (seed 003: "a ticket is valid for one hour,
 * and can be reused for that time ... it will only be valid for the specific patient").
 * Inside is a JWE (dir + A256GCM) so nobody can read or forge one; outside it is standard
 * base64, like the real ticket, so EHRs must URL-encode it for the portal as they must for real.
 */
import { createCipheriv, createDecipheriv, createHash, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto'
import { KjError } from '../kj-error.js'
import { pooledRandomBytes } from '../random-pool.js'

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

/**
 * The JWE (RFC 7516 compact, `dir` + `A256GCM`) is made with node:crypto directly: one AES-GCM
 * call of a few hundred bytes, where the WebCrypto path through jose cost a key import and a
 * thread-pool round trip per ticket (measured: it dominated helseindikator under load). The
 * output is a standard JWE that any JOSE library opens with the same key (a test proves it).
 */
const HEADER = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM' })).toString('base64url')
const AAD = Buffer.from(HEADER, 'ascii')

function notOurs (): KjError {
  return new KjError('KJF-000011', 'the ticket is not one this Kjernejournal issued, or it was altered')
}

function decrypt (key: KeyObject, jwe: string): Buffer {
  const parts = jwe.split('.')
  if (parts.length !== 5) throw notOurs()
  const [header, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string]
  // Only our own header: anything else (another alg, a wrapped key) was not made here.
  if (header !== HEADER || encryptedKey !== '') throw notOurs()
  const ivBytes = Buffer.from(iv, 'base64url')
  const tagBytes = Buffer.from(tag, 'base64url')
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw notOurs()
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: 16 })
    decipher.setAAD(AAD)
    decipher.setAuthTag(tagBytes)
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()])
  } catch {
    throw notOurs()
  }
}

function isTicketClaims (value: unknown): value is TicketClaims {
  const claims = value as Partial<TicketClaims> | null
  return claims !== null && typeof claims === 'object' && typeof claims.orgnr === 'string' &&
    typeof claims.nin === 'string' && typeof claims.iat === 'number' && typeof claims.exp === 'number'
}

/** Opened tickets remembered; a ticket string is a few hundred bytes. */
export const OPENED_TICKETS_MAX = 1024

export class TicketCipher {
  readonly #key: KeyObject

  /** The key derives from key material the sandbox keeps (its signing key), so tickets survive restarts with KEYS_FILE. */
  constructor (keyMaterial: string) {
    this.#key = createSecretKey(Buffer.from(hkdfSync('sha256', keyMaterial, 'kjernejournal-sandbox', 'helseindikator ticket key', 32)))
  }

  /**
   * Tickets already opened, by their exact string: an EHR sends one ticket on every call for a
   * patient, and what decryption proves never changes for the same bytes and key. Only tickets
   * that opened are kept; expiry, patient and organisation are still checked on every request.
   * Bounded: the oldest opened goes first.
   */
  readonly #opened = new Map<string, TicketClaims>()

  #openOnce (ticket: string): TicketClaims {
    const plaintext = decrypt(this.#key, Buffer.from(ticket.trim(), 'base64').toString('utf8'))
    let claims: unknown
    try {
      claims = JSON.parse(plaintext.toString('utf8'))
    } catch {
      throw notOurs()
    }
    if (!isTicketClaims(claims)) throw notOurs()
    if (this.#opened.size >= OPENED_TICKETS_MAX) this.#opened.delete(this.#opened.keys().next().value as string)
    const frozen = Object.freeze(claims)
    this.#opened.set(ticket, frozen)
    return frozen
  }

  async issue (claims: TicketClaims): Promise<string> {
    const iv = pooledRandomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: 16 })
    cipher.setAAD(AAD)
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()])
    const jwe = `${HEADER}..${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`
    return Buffer.from(jwe, 'utf8').toString('base64')
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
  return createHash('sha256').update(ticket).digest('base64url').slice(0, 12)
}
