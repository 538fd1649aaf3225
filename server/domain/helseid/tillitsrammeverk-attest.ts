/**
 * The tillitsrammeverk attest an EHR sends HelseID (an `authorization_details` entry of type
 * `nhn:tillitsrammeverk:parameters`): who acts (authorisation, legal entity, point of care), why
 * (care relationship, purpose of use) and for which patients' point of care. HelseID checks it
 * and copies it into the access token; so does the sandbox, after checking its shape, its code
 * systems, and that the organisations it names are the token's.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruksmoenstre-og-eksempelkode/bruk-av-helseid/docs/tillitsrammeverk/profil_for_tillitsrammeverkmd
 */
import { z } from 'zod'
import { OAuthError } from './oauth-error.js'
import { TILLITSRAMMEVERK_TYPE } from './test-token/tillitsrammeverk.js'
import type { TokenOrganisations } from './organisation-numbers.js'

const ORG = 'urn:oid:2.16.578.1.12.4.1.4.101'
const DEPARTMENT = 'urn:oid:2.16.578.1.12.4.1.4.102'

const identified = (system: string): z.ZodType<{ id: string, system: string }> =>
  z.object({ id: z.string().min(1).max(64), system: z.literal(system, { message: `system must be ${system}` }) }).loose()
const coded = (system: string): z.ZodType<{ code: string, system: string }> =>
  z.object({ code: z.string().min(1).max(64), system: z.literal(system, { message: `system must be ${system}` }) }).loose()

const attestSchema = z.object({
  type: z.literal(TILLITSRAMMEVERK_TYPE),
  practitioner: z.object({
    authorization: coded('urn:oid:2.16.578.1.12.4.1.1.9060'),
    legal_entity: identified(ORG),
    point_of_care: identified(ORG),
    department: identified(DEPARTMENT).optional()
  }).loose(),
  care_relationship: z.object({
    healthcare_service: coded('urn:oid:2.16.578.1.12.4.1.1.8666'),
    purpose_of_use: coded('urn:oid:2.16.840.1.113883.1.11.20448'),
    purpose_of_use_details: coded('urn:AuditEventHL7Norway/CodeSystem/carerelation'),
    decision_ref: z.object({ id: z.string().min(1).max(200), user_selected: z.boolean() }).loose()
  }).loose(),
  patients: z.array(z.object({ point_of_care: identified(ORG), department: identified(DEPARTMENT).optional() }).loose()).min(1).max(10)
}).loose()

export type TillitsrammeverkAttest = z.infer<typeof attestSchema>

function attestError (description: string): OAuthError {
  return new OAuthError('invalid_request', `the tillitsrammeverk attest (${TILLITSRAMMEVERK_TYPE}) is invalid: ${description}`)
}

/** Checks an attest's shape and code systems; returns it as sent (HelseID copies it unchanged). */
export function parseAttest (entry: Record<string, unknown>): TillitsrammeverkAttest {
  const practitioner = entry.practitioner as Record<string, unknown> | undefined
  if (typeof practitioner === 'object' && practitioner !== null && 'auhtorization' in practitioner && !('authorization' in practitioner)) {
    throw attestError("practitioner has 'auhtorization' (a misspelling in an NHN sample); the field is 'authorization'")
  }
  const parsed = attestSchema.safeParse(entry)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw attestError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'malformed'}`)
  }
  return parsed.data
}

/** The legal entity and point of care the attest names must be the token's organisations. */
export function checkAttestOrganisations (attest: TillitsrammeverkAttest, organisations: TokenOrganisations): void {
  const { legal_entity: legalEntity, point_of_care: pointOfCare } = attest.practitioner
  if (organisations.parent !== undefined && legalEntity.id !== organisations.parent) {
    throw attestError(`practitioner.legal_entity ${legalEntity.id} is not the token's orgnr_parent ${organisations.parent}`)
  }
  const tokenPointOfCare = organisations.child ?? organisations.parent
  if (tokenPointOfCare !== undefined && pointOfCare.id !== tokenPointOfCare) {
    throw attestError(`practitioner.point_of_care ${pointOfCare.id} is not the token's ${organisations.child !== undefined ? 'orgnr_child' : 'orgnr_parent'} ${tokenPointOfCare}`)
  }
}
