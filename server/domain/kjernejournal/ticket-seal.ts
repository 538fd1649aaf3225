/**
 * The ticket's bytes. Real tickets are 64 characters of standard base64 with `+` and `/` in them
 * (NHN's helseindikator example), so ours are too: a 20-byte binary payload sealed with AES-256-GCM
 * (12-byte IV, 16-byte tag) is 48 bytes, 64 characters without padding. Every ticket is made to
 * contain a `+` and a `/`, so an EHR that puts it unencoded into a URL fails every time, not by chance.
 *
 * Payload: byte 0 version (high nibble) and consent (low bits); orgnr (4 bytes); NIN (5 bytes);
 * iat and exp (5 bytes each, signed seconds: the sandbox clock may be moved a thousand years).
 * The IV is a keyed SHA-256 of the payload, not random: the same claims give the same ticket with
 * the same key (tests can rely on it). The IV is the ticket's first 16 characters (12 bytes are
 * whole base64 groups), so the `+` and the `/` are written into the IV at two places the hash
 * picks: one seal per ticket, where trying IVs until the characters turned up took 2.5. Two
 * different payloads share an IV only if their hashes agree in the 84 bits left.
 */
import { createCipheriv, createDecipheriv, hash, hkdfSync } from 'node:crypto'
import type { Samtykke, TicketClaims } from './tickets.js'

export interface TicketKeys {
  readonly encryption: Buffer
  readonly iv: Buffer
}

const VERSION = 1
const PAYLOAD_BYTES = 20
const IV_BYTES = 12
const TAG_BYTES = 16
const TICKET = /^[A-Za-z0-9+/]{64}$/
const SAMTYKKE: ReadonlyArray<Samtykke | undefined> = [undefined, 'HPMOTTATTSAMTYKKE', 'HPAKUTT', 'HPUNNTAK']
const TIME_LIMIT = 2 ** 39

export function ticketKeys (keyMaterial: string): TicketKeys {
  const bytes = Buffer.from(hkdfSync('sha256', keyMaterial, 'kjernejournal-sandbox', 'helseindikator ticket v2', 64))
  return { encryption: bytes.subarray(0, 32), iv: bytes.subarray(32) }
}

function payloadOf (claims: TicketClaims): Buffer {
  // Callers pass what helseindikator checked; anything else is our bug, not the EHR's.
  if (!/^\d{9}$/.test(claims.orgnr) || !/^\d{11}$/.test(claims.nin)) throw new Error('a ticket binds a nine-digit orgnr and an eleven-digit NIN')
  for (const time of [claims.iat, claims.exp]) {
    if (!Number.isSafeInteger(time) || Math.abs(time) >= TIME_LIMIT) throw new Error(`ticket time ${time} is out of range`)
  }
  const payload = Buffer.alloc(PAYLOAD_BYTES)
  payload.writeUInt8((VERSION << 4) | SAMTYKKE.indexOf(claims.samtykke), 0)
  payload.writeUInt32BE(Number(claims.orgnr), 1)
  payload.writeUIntBE(Number(claims.nin), 5, 5)
  payload.writeIntBE(claims.iat, 10, 5)
  payload.writeIntBE(claims.exp, 15, 5)
  return payload
}

function claimsOf (payload: Buffer): TicketClaims | undefined {
  const head = payload.readUInt8(0)
  const samtykke = SAMTYKKE[head & 0x0f]
  if (head >> 4 !== VERSION || (head & 0x0f) >= SAMTYKKE.length) return undefined
  return {
    orgnr: String(payload.readUInt32BE(1)).padStart(9, '0'),
    nin: String(payload.readUIntBE(5, 5)).padStart(11, '0'),
    ...(samtykke !== undefined && { samtykke }),
    iat: payload.readIntBE(10, 5),
    exp: payload.readIntBE(15, 5)
  }
}

/** base64 characters of the IV: 12 bytes are exactly 16 characters, with no padding. */
const IV_CHARS = 16
/** The base64 values of `+` and `/`. */
const PLUS = 62
const SLASH = 63

/** Sets the `index`th six-bit group of `bytes` (big-endian, as base64 reads them) to `value`. */
function setSextet (bytes: Buffer, index: number, value: number): void {
  const bit = index * 6
  const byte = bit >> 3
  const shift = 10 - (bit & 7) // the group's place in the 16 bits from `byte` on
  const window = ((bytes[byte] as number) << 8) | (bytes[byte + 1] ?? 0)
  const next = (window & ~(0x3f << shift)) | (value << shift)
  bytes[byte] = next >> 8
  if (byte + 1 < bytes.length) bytes[byte + 1] = next & 0xff
}

/** The IV for a payload: its keyed hash, with a `+` and a `/` at two places the hash picks. */
function ivFor (payload: Buffer, key: Buffer): Buffer {
  const seed = hash('sha256', Buffer.concat([key, payload]), 'buffer')
  const iv = seed.subarray(0, IV_BYTES)
  const plus = (seed[IV_BYTES] as number) % IV_CHARS
  const slash = (plus + 1 + (seed[IV_BYTES + 1] as number) % (IV_CHARS - 1)) % IV_CHARS
  setSextet(iv, plus, PLUS)
  setSextet(iv, slash, SLASH)
  return iv
}

export function sealTicket (keys: TicketKeys, claims: TicketClaims): string {
  const payload = payloadOf(claims)
  const iv = ivFor(payload, keys.iv)
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv, { authTagLength: TAG_BYTES })
  return Buffer.concat([iv, cipher.update(payload), cipher.final(), cipher.getAuthTag()]).toString('base64')
}

/** The claims of a ticket sealed with these keys; undefined for anything else. */
export function openTicket (keys: TicketKeys, ticket: string): TicketClaims | undefined {
  if (!TICKET.test(ticket)) return undefined
  const bytes = Buffer.from(ticket, 'base64')
  const iv = bytes.subarray(0, IV_BYTES)
  const tag = bytes.subarray(bytes.length - TAG_BYTES)
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv, { authTagLength: TAG_BYTES })
    decipher.setAuthTag(tag)
    const payload = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()])
    return claimsOf(payload)
  } catch {
    return undefined
  }
}
