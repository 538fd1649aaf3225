/**
 * What every grant handler gets: the authenticated client, the request's session and issuer,
 * the DPoP key thumbprint when the request carried a valid proof, and the form parameters.
 */
import type { Sandbox } from '../../sandbox.js'
import type { Session } from '../../session.js'
import type { Client } from '../clients.js'

export type TokenParams = Readonly<Record<string, string | string[] | undefined>>

export interface GrantContext {
  readonly sandbox: Sandbox
  readonly session: Session
  readonly issuer: string
  readonly client: Client
  readonly jkt?: string
  readonly params: TokenParams
}

/** RFC 6749 section 5.1, plus HelseID's `rt_expires_in`. */
export interface TokenResponse {
  access_token: string
  token_type: 'Bearer' | 'DPoP'
  expires_in: number
  scope: string
  id_token?: string
  refresh_token?: string
  rt_expires_in?: number
}

export function param (params: TokenParams, name: string): string | undefined {
  const value = params[name]
  if (Array.isArray(value)) return value[0]
  return value === '' ? undefined : value
}

export function params (params: TokenParams, name: string): string[] {
  const value = params[name]
  if (value === undefined || value === '') return []
  return Array.isArray(value) ? value : [value]
}
