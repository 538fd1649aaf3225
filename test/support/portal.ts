/**
 * The portal stand-in as an EHR drives it: a ticket from helseindikator for the legacy page,
 * and for Kjernejournal Innlogging a DPoP-bound user token from the HelseID stand-in (login
 * with the test-IdP hint, code exchanged with a DPoP proof) and signed calls to /api/session.
 * Works through inject(); the sandbox must run with DPOP_NONCE=false.
 */
import type { FastifyInstance } from 'fastify'
import { ISSUER, tokenRequest } from '../helper.js'
import { dpopKey, dpopProof, type DpopKey } from './dpop.js'
import { helseindikator } from './kj.js'
import { loginCode, pkce, REDIRECT_URI } from './login.js'

export const INNLOGGING_SCOPES = 'openid profile nhn:kjernejournal/innlogging nhn:kjernejournal/tillitsrammeverk'

export async function freshTicket (app: FastifyInstance, fnr = '17815810112', samtykke = 'HPMOTTATTSAMTYKKE'): Promise<string> {
  const res = await helseindikator(app, { fnr, samtykke })
  const ticket = res.json().ticket as string | undefined
  if (ticket === undefined) throw new Error(`helseindikator gave no ticket: ${res.body}`)
  return ticket
}

export function pageUrl (params: Record<string, string>, prefix = ''): string {
  return `${prefix}/hpp-webapp/hentpasient.html?${new URLSearchParams(params).toString()}`
}

export interface UserToken {
  readonly token: string
  readonly key: DpopKey
}

/** Logs `pid` in at the HelseID stand-in and exchanges the code with a DPoP proof. */
export async function dpopUserToken (app: FastifyInstance, pid = '01887840020', scope = INNLOGGING_SCOPES): Promise<UserToken> {
  const key = await dpopKey()
  const { code, verifier } = await loginCode(app, { test_pid: pid, scope })
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/token` }) })
  if (res.statusCode !== 200) throw new Error(`token endpoint answered ${res.statusCode}: ${res.body}`)
  return { token: res.json().access_token as string, key }
}

export function createBody (challenge: string, options: { nin?: string, role?: string, basis?: string } = {}): Record<string, unknown> {
  return {
    ehr_code_challenge: challenge,
    claims: {
      patient_identifier: { id: options.nin ?? '17815810112', system: 'urn:oid:2.16.578.1.12.4.1.4.1', authority: 'https://www.skatteetaten.no' },
      practitioner_authorization: { code: options.role ?? 'LE', system: 'urn:oid:2.16.578.1.12.4.1.1.9060', assigner: 'https://www.helsedirektoratet.no/' },
      access_basis: { code: options.basis ?? 'SAMTYKKE', system: 'SYSTEM_GRUNNLAG', assigner: 'https://nhn.no' }
    }
  }
}

/** POST /api/session/<action> as NHN's sample EHR: Authorization DPoP + a proof with ath. */
export async function sessionCall (app: FastifyInstance, action: 'create' | 'refresh' | 'end', user: UserToken, body: unknown, options: { scheme?: string, proof?: string | null, prefix?: string } = {}) {
  const path = `${options.prefix ?? ''}/api/session/${action}`
  const proof = options.proof === undefined ? await dpopProof(user.key, { htu: `${ISSUER}${path}`, accessToken: user.token }) : options.proof
  return app.inject({
    method: 'POST',
    url: path,
    headers: {
      'content-type': 'application/json',
      'x-source-system': 'Sandbox test EHR 1.0',
      authorization: `${options.scheme ?? 'DPoP'} ${user.token}`,
      ...(proof !== null && { dpop: proof })
    },
    payload: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

/** A created session: its code, id and the PKCE verifier that opens it. */
export async function createSession (app: FastifyInstance, user: UserToken, options: { nin?: string, role?: string, basis?: string } = {}): Promise<{ code: string, sessionId: string, verifier: string }> {
  const { verifier, challenge } = pkce()
  const res = await sessionCall(app, 'create', user, createBody(challenge, options))
  if (res.statusCode !== 200) throw new Error(`create answered ${res.statusCode}: ${res.body}`)
  return { ...(res.json() as { code: string, sessionId: string }), verifier }
}

export async function advanceClock (app: FastifyInstance, seconds: number): Promise<void> {
  const res = await app.inject({ method: 'POST', url: '/__admin/clock/advance', payload: { seconds } })
  if (res.statusCode !== 200) throw new Error(`clock advance answered ${res.statusCode}: ${res.body}`)
}

/** The AUT/KJF code an answer carries, and that the error page shows. */
export function shownCode (body: string): string | undefined {
  return /data-testid="error-code">([^<]+)</.exec(body)?.[1]
}
