/** Drives /connect/authorize without a browser, as a test EHR would with test-IdP hints. */
import type { FastifyInstance } from 'fastify'
import { createHash, randomBytes } from 'node:crypto'
import { DEMO_CLIENT_ID } from '../helper.js'

export const REDIRECT_URI = 'http://ehr.test/callback'

export function pkce (): { verifier: string, challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export function authorizeQuery (params: Record<string, string | undefined>): string {
  const all: Record<string, string | undefined> = {
    client_id: DEMO_CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile offline_access nhn:kjernejournal/api',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge_method: 'S256',
    ...params
  }
  return new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined)).toString()
}

/** Logs `testPid` in through the test-IdP hint and returns the code and the PKCE verifier. */
export async function loginCode (app: FastifyInstance, params: Record<string, string | undefined> = {}): Promise<{ code: string, verifier: string, location: URL }> {
  const { verifier, challenge } = pkce()
  const res = await app.inject(`/connect/authorize?${authorizeQuery({ test_pid: '01887840020', code_challenge: challenge, ...params })}`)
  if (res.statusCode !== 302) throw new Error(`authorize answered ${res.statusCode}: ${res.body}`)
  const location = new URL(res.headers.location as string)
  return { code: location.searchParams.get('code') ?? '', verifier, location }
}
