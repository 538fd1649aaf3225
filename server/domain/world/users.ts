/**
 * Health personnel who can log in through the HelseID stand-in. Each fixture user demonstrates
 * something (a role, a security level, a missing authorisation); `note` says what.
 */
import { z } from 'zod'
import { isValidNin } from '../nin.js'

export const userSchema = z.object({
  pid: z.string().regex(/^\d{11}$/, 'expected 11 digits').refine(isValidNin, 'not a valid national identity number'),
  hprNumber: z.string().regex(/^\d{6,9}$/, 'expected an HPR number of 6-9 digits').optional(),
  givenName: z.string().min(1),
  middleName: z.string().min(1).optional(),
  familyName: z.string().min(1),
  securityLevel: z.enum(['3', '4']).default('4'),
  network: z.enum(['internett', 'helsenett']).default('internett'),
  idp: z.string().min(1).default('testidp-oidc'),
  /** HPR roles (Volven 9060 codes, e.g. LE, SP) the user holds. */
  roles: z.array(z.string().regex(/^[A-Z0-9]{2,3}$/)).default([]),
  /** Known to Kjernejournal as a user (created on first login when the HPR role allows it). */
  registeredInKj: z.boolean().default(true),
  /** Has confirmed Kjernejournal knowledge (kunnskapsbekreftelse) in the portal. */
  kjKnowledgeConfirmed: z.boolean().default(true),
  note: z.string().default('')
}).strict()

export type User = z.infer<typeof userSchema>

export const usersFileSchema = z.array(userSchema)

export function assuranceLevelOf (securityLevel: string): 'low' | 'substantial' | 'high' {
  if (securityLevel === '4') return 'high'
  return securityLevel === '3' ? 'substantial' : 'low'
}

export function fullName (user: Pick<User, 'givenName' | 'middleName' | 'familyName'>): string {
  return [user.givenName, user.middleName, user.familyName].filter(Boolean).join(' ')
}

/**
 * Someone HelseID vouches for with an HPR number but whom the fixtures do not know: treated as
 * an ordinary registered physician, so any HPR-authorised test user of the real test IDP works
 * (the critical-information faces and the portal alike).
 */
export function adHocUser (pid: string, hprNumber: string): User {
  return {
    pid,
    hprNumber,
    givenName: 'Ukjent',
    familyName: 'Helsepersonell',
    securityLevel: '4',
    network: 'internett',
    idp: 'testidp-oidc',
    roles: ['LE'],
    registeredInKj: true,
    kjKnowledgeConfirmed: true,
    note: 'Ad hoc user: not in the fixtures, taken as a physician (LE) on the strength of the HPR number in the token.'
  }
}
