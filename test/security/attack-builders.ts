/**
 * How each attack of the catalogue (attacks.ts) is made against one face: the request that is
 * valid in every part but the attacked one.
 */
import { createHmac, createPublicKey, KeyObject, randomUUID, sign } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose'
import { ISSUER, demoClientKey } from '../helper.js'
import { ciHeaders, ticketFor } from '../support/critical-info.js'
import { dpopKey, type DpopKey } from '../support/dpop.js'
import { EPJ_SYSTEM } from '../support/kj.js'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import { TicketCipher } from '../../server/domain/kjernejournal/tickets.js'
import { accessTokenHashForDpop } from '../../server/domain/helseid/dpop.js'
import type { Target } from './attacks.js'

export const PATIENT = '17815810112'
/** Another status-4 patient, with records of her own. */
export const OTHER_PATIENT = '30914710886'
const DOCTOR = { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }

export interface AttackRequest {
  /** The Authorization header; null leaves it out. */
  readonly authorization: string | null
  readonly dpop?: string | readonly string[]
  /** The X-KJ-Ticket header on the ticket face; null leaves it out, undefined sends a good one. */
  readonly ticket?: string | null
  readonly method?: 'GET' | 'POST'
  readonly path?: string
  readonly body?: unknown
  /** Sends the same request once before (for replays; that one must succeed). */
  readonly sendTwice?: boolean
  /** With sendTwice: the second send goes to this session (X-Sandbox-Session), the first to default. */
  readonly replaySession?: string
}

export interface TargetRequest {
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly headers: Record<string, string>
  readonly body?: unknown
}

export function targetRequest (target: Target): TargetRequest {
  switch (target) {
    case 'ping': return { method: 'GET', path: '/v1/ping', headers: { 'x-epj-system': EPJ_SYSTEM } }
    case 'helseindikator': return { method: 'POST', path: '/v1/helseindikator', headers: { 'x-epj-system': EPJ_SYSTEM }, body: { fnr: PATIENT } }
    case 'fhir-legacy': return { method: 'GET', path: '/v1/fhir/Patient/$everything', headers: { 'x-epj-system': EPJ_SYSTEM } }
    case 'critical-information': return { method: 'POST', path: '/api/critical-information/v1/status', headers: ciHeaders(PATIENT) }
    case 'userinfo': return { method: 'GET', path: '/connect/userinfo', headers: {} }
  }
}

export interface AttackContext {
  readonly app: FastifyInstance
  readonly target: Target
  readonly request: TargetRequest
  /** A valid token for the target from the test-token service, with `extra` merged in. */
  token(extra?: Record<string, unknown>): Promise<string>
  /** Signs `payload` with HelseID's (the sandbox's) own key: a token that differs only where told. */
  signAsHelseId(payload: JWTPayload, header?: Record<string, unknown>): Promise<string>
  readonly attacker: { privateKey: CryptoKey, publicJwk: JWK }
  readonly dpopKey: DpopKey
  /** A good proof for the target's request, with knobs. */
  proof(token: string, options?: { htm?: string, htu?: string, ath?: boolean, iat?: number, key?: DpopKey }): Promise<string>
  now(): number
}

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

/** Signs a compact JWS by hand (RS256), so headers jose would refuse to write can be made. */
export function rawSign (header: Record<string, unknown>, payload: unknown, key: CryptoKey): string {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${sign('sha256', Buffer.from(input), KeyObject.from(key)).toString('base64url')}`
}

function parts (jwt: string): [string, string, string] {
  return jwt.split('.') as [string, string, string]
}

function flip (text: string, at: number): string {
  const c = text[at] === 'A' ? 'B' : 'A'
  return text.slice(0, at) + c + text.slice(at + 1)
}

async function claims (ctx: AttackContext): Promise<JWTPayload> {
  return decodeJwt(await ctx.token())
}

async function timed (ctx: AttackContext, change: (now: number) => Partial<JWTPayload>): Promise<string> {
  const now = ctx.now()
  const payload: JWTPayload = { ...await claims(ctx), iat: now, nbf: now, exp: now + 600, ...change(now) }
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k]
  return ctx.signAsHelseId(payload)
}

const bearer = (token: string): AttackRequest => ({ authorization: `Bearer ${token}` })

async function withAttackerKey (ctx: AttackContext, header: Record<string, unknown>): Promise<AttackRequest> {
  return bearer(rawSign({ alg: 'RS256', typ: 'at+jwt', ...header }, await claims(ctx), ctx.attacker.privateKey))
}

async function goodTicketOf (ctx: AttackContext): Promise<string> {
  return ticketFor(ctx.app, PATIENT)
}

/** A ticket with one byte of its sealed payload changed (bytes 12-31: after the IV, before the tag). */
function tampered (ticket: string, at: number): string {
  const bytes = Buffer.from(ticket, 'base64')
  bytes[12 + at] = (bytes[12 + at] as number) ^ 0x01
  return bytes.toString('base64')
}

const otherDpopKey = dpopKey()

type Builder = (ctx: AttackContext) => Promise<AttackRequest | AttackRequest[]>

export const BUILDERS: Readonly<Record<string, Builder>> = {
  'alg-none': async (ctx) => { const [, p] = parts(await ctx.token()); return bearer(`${b64({ alg: 'none', typ: 'at+jwt' })}.${p}.`) },
  'alg-none-signed': async (ctx) => { const [, p, s] = parts(await ctx.token()); return bearer(`${b64({ alg: 'none', typ: 'at+jwt' })}.${p}.${s}`) },
  'hs256-public-key': async (ctx) => {
    const jwk = ctx.app.sandbox.keys.active.publicJwk
    const pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString()
    const payload = await claims(ctx)
    return [JSON.stringify(jwk), pem, pem.trim()].map((secret) => {
      const input = `${b64({ alg: 'HS256', typ: 'at+jwt', kid: ctx.app.sandbox.keys.active.kid })}.${b64(payload)}`
      return bearer(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`)
    })
  },
  'kid-unknown': async (ctx) => withAttackerKey(ctx, { kid: 'attacker-1' }),
  'kid-sandbox-attacker-key': async (ctx) => withAttackerKey(ctx, { kid: ctx.app.sandbox.keys.active.kid }),
  jku: async (ctx) => [
    await withAttackerKey(ctx, { kid: 'attacker-1', jku: 'https://attacker.example/jwks' }),
    await withAttackerKey(ctx, { kid: ctx.app.sandbox.keys.active.kid, jku: `${ISSUER}/.well-known/openid-configuration/jwks` })
  ],
  x5u: async (ctx) => withAttackerKey(ctx, { kid: 'attacker-1', x5u: 'https://attacker.example/cert.pem' }),
  'embedded-jwk': async (ctx) => [
    await withAttackerKey(ctx, { jwk: ctx.attacker.publicJwk }),
    await withAttackerKey(ctx, { kid: ctx.app.sandbox.keys.active.kid, jwk: ctx.attacker.publicJwk })
  ],
  'client-key': async (ctx) => bearer(rawSign({ alg: 'RS256', typ: 'at+jwt', kid: ctx.app.sandbox.keys.active.kid }, await claims(ctx), await demoClientKey())),
  'signature-stripped': async (ctx) => { const [h, p] = parts(await ctx.token()); return [bearer(`${h}.${p}.`), bearer(`${h}.${p}`)] },
  'signature-altered': async (ctx) => { const [h, p, s] = parts(await ctx.token()); return bearer(`${h}.${p}.${flip(s, 10)}`) },
  'payload-altered': async (ctx) => {
    const [h, , s] = parts(await ctx.token())
    return bearer(`${h}.${b64({ ...await claims(ctx), 'helseid://claims/client/claims/orgnr_parent': '310001406' })}.${s}`)
  },
  'crit-unknown': async (ctx) => {
    const key = ctx.app.sandbox.keys.active
    return bearer(rawSign({ alg: 'RS256', typ: 'at+jwt', kid: key.kid, crit: ['x-unknown'], 'x-unknown': true }, await claims(ctx), key.privateKey))
  },
  expired: async (ctx) => bearer(await timed(ctx, (now) => ({ iat: now - 600, nbf: now - 600, exp: now - 60 }))),
  'nbf-future': async (ctx) => bearer(await timed(ctx, (now) => ({ nbf: now + 60, exp: now + 600 }))),
  'iat-future': async (ctx) => bearer(await timed(ctx, (now) => ({ iat: now + 60, exp: now + 600 }))),
  'no-exp': async (ctx) => bearer(await timed(ctx, () => ({ exp: undefined }))),
  'lifetime-too-long': async (ctx) => bearer(await timed(ctx, (now) => ({ exp: now + 7200 }))),
  'wrong-issuer': async (ctx) => bearer(await timed(ctx, () => ({ iss: 'https://helseid-sts.nhn.no' }))),
  'other-session-issuer': async (ctx) => {
    const res = await ctx.app.inject({ method: 'POST', url: '/s/other/v2/create-test-token-with-key', payload: ttt(ctx.target) })
    return bearer(res.json().successResponse.accessTokenJwt as string)
  },
  'wrong-audience': async (ctx) => bearer(await timed(ctx, () => ({ aud: 'nhn:another-api' }))),
  'several-audiences': async (ctx) => bearer(await timed(ctx, () => ({ aud: ['nhn:kjernejournal', 'nhn:critical-information'] }))),
  'typ-wrong': async (ctx) => {
    const key = ctx.app.sandbox.keys.active
    return bearer(rawSign({ alg: 'RS256', typ: 'id_token+jwt', kid: key.kid }, await claims(ctx), key.privateKey))
  },
  'typ-dpop': async (ctx) => bearer(await ctx.proof(await ctx.token())),
  'ttt-invalid-key': async (ctx) => bearer(await ctx.token({ signJwtWithInvalidSigningKey: true })),
  'ttt-invalid-issuer': async (ctx) => bearer(await ctx.token({ setInvalidIssuer: true })),
  'ttt-expired': async (ctx) => bearer(await ctx.token({ expirationParameters: { setExpirationTimeAsExpired: true } })),
  jwe: async () => bearer(`${b64({ alg: 'dir', enc: 'A256GCM' })}..${b64('iv-iv-iv-iv')}.${b64('ciphertext')}.${b64('tag-tag-tag-tag')}`),
  'no-scheme': async (ctx) => ({ authorization: await ctx.token() }),

  'dpop-replayed': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(token), sendTwice: true } },
  'dpop-replayed-other-session': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(token), sendTwice: true, replaySession: 'replay-elsewhere' } },
  'dpop-wrong-htm': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(token, { htm: ctx.request.method === 'GET' ? 'POST' : 'GET' }) } },
  'dpop-wrong-htu': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(token, { htu: `${ISSUER}/v1/other` }) } },
  'dpop-missing-ath': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(token, { ath: false }) } },
  'dpop-wrong-ath': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(await ctx.token()) } },
  'dpop-jkt-mismatch': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(token, { key: await otherDpopKey }) } },
  'dpop-no-proof': async (ctx) => dpopAuth(await bound(ctx)),
  'dpop-two-proofs': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: [await ctx.proof(token), await ctx.proof(token)] } },
  'dpop-unbound-token': async (ctx) => { const token = await ctx.token(); return { ...dpopAuth(token), dpop: await ctx.proof(token) } },
  'dpop-private-jwk': async (ctx) => {
    const token = await bound(ctx)
    // The public key with a private member beside it: a client that leaks its key in every proof.
    const leaky = { ...ctx.dpopKey.publicJwk, d: Buffer.alloc(32, 7).toString('base64url') }
    const proof = await new SignJWT({ htm: ctx.request.method, htu: `${ISSUER}${ctx.request.path}`, ath: athOf(token) })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: leaky }).setIssuedAt().setJti(randomUUID()).sign(ctx.dpopKey.privateKey)
    return { ...dpopAuth(token), dpop: proof }
  },
  'dpop-symmetric': async (ctx) => {
    const token = await bound(ctx)
    const secret = new TextEncoder().encode('a-shared-secret-of-32-bytes-long')
    // jose will not put a symmetric key in a header: signed by hand.
    const header = { alg: 'HS256', typ: 'dpop+jwt', jwk: { kty: 'oct', k: Buffer.from(secret).toString('base64url') } }
    const input = `${b64(header)}.${b64({ htm: ctx.request.method, htu: `${ISSUER}${ctx.request.path}`, ath: athOf(token), iat: ctx.now(), jti: randomUUID() })}`
    const proof = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
    return { ...dpopAuth(token), dpop: proof }
  },
  'dpop-old-iat': async (ctx) => { const token = await bound(ctx); return { ...dpopAuth(token), dpop: await ctx.proof(token, { iat: ctx.now() - 300 }) } },
  'dpop-as-bearer': async (ctx) => bearer(await bound(ctx)),
  'dpop-as-bearer-required': async (ctx) => bearer(await bound(ctx)),

  'ticket-tampered': async (ctx) => ({ ...bearer(await ctx.token()), ticket: tampered(await goodTicketOf(ctx), 5) }),
  'ticket-truncated': async (ctx) => { const t = await goodTicketOf(ctx); return { ...bearer(await ctx.token()), ticket: t.slice(0, Math.floor(t.length / 2)) } },
  'ticket-forged': async (ctx) => {
    const good = await ctx.app.sandbox.tickets.open(await goodTicketOf(ctx), { now: ctx.now() })
    return { ...bearer(await ctx.token()), ticket: await new TicketCipher('another sandbox\'s key').issue(good) }
  },
  'ticket-plain': async (ctx) => {
    const good = await ctx.app.sandbox.tickets.open(await goodTicketOf(ctx), { now: ctx.now() })
    return { ...bearer(await ctx.token()), ticket: Buffer.from(JSON.stringify(good)).toString('base64') }
  },
  'ticket-expired': async (ctx) => {
    const ticket = await goodTicketOf(ctx)
    await ctx.app.inject({ method: 'POST', url: '/__admin/clock/advance', payload: { minutes: 61 } })
    // The user token is made after the clock moved, so only the ticket is old.
    return { ...bearer(await ctx.token()), ticket }
  },
  'ticket-other-organisation': async (ctx) => {
    const acme = await ctx.token({ withoutDefaultUserClaims: true, userClaimsParameters: undefined, clientClaimsParameters: { scope: ['nhn:kjernejournal/api'], orgnrParent: '310001406', orgnrChild: '310001554' } })
    const res = await ctx.app.inject({ method: 'POST', url: '/v1/helseindikator', headers: { authorization: `Bearer ${acme}`, 'x-epj-system': EPJ_SYSTEM, 'content-type': 'application/json' }, payload: { fnr: PATIENT, samtykke: 'HPMOTTATTSAMTYKKE' } })
    return { ...bearer(await ctx.token()), ticket: res.json().ticket as string }
  },
  'ticket-other-patient': async (ctx) => ({ ...bearer(await ctx.token()), method: 'POST', path: '/v1/fhir/Condition', body: sampleResource('KjConditionCriticalMedicalCondition', OTHER_PATIENT) }),
  'ticket-other-patient-read': async (ctx) => {
    const record = ctx.app.sandbox.defaultSession.criticalInfo.recordsOf(OTHER_PATIENT)[0]?.resource
    if (record === undefined) throw new Error(`${OTHER_PATIENT} has no record`)
    return { ...bearer(await ctx.token()), path: `/v1/fhir/${record.resourceType}/${record.id as string}` }
  },
  'ticket-missing': async (ctx) => ({ ...bearer(await ctx.token()), ticket: null })
}

function dpopAuth (token: string): AttackRequest {
  return { authorization: `DPoP ${token}` }
}

function athOf (token: string): string {
  return accessTokenHashForDpop(token)
}

async function bound (ctx: AttackContext): Promise<string> {
  return ctx.token({ clientClaimsParameters: { ...clientClaims(ctx.target), cnfJkt: ctx.dpopKey.jkt } })
}

function clientClaims (target: Target): Record<string, unknown> {
  return { scope: [target === 'critical-information' ? 'nhn:critical-information/api' : 'nhn:kjernejournal/api'] }
}

/** The test-token request for a target's valid token: a physician, level 4, the target's API. */
export function ttt (target: Target, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    audience: target === 'critical-information' ? 'nhn:critical-information' : 'nhn:kjernejournal',
    clientClaimsParameters: clientClaims(target),
    userClaimsParameters: DOCTOR,
    ...extra
  }
}

export async function attackerKey (): Promise<{ privateKey: CryptoKey, publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  return { privateKey, publicJwk: { ...await exportJWK(publicKey), kid: 'attacker-1' } }
}
