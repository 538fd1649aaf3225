/**
 * The documents DATA_DIR holds, and their shapes (checked on start, so a file that parses but
 * makes no sense is reported, not half-loaded):
 * - `clients`: clients registered or replaced through /__admin/clients, and fixture clients
 *   deleted there, as an overlay on the fixtures;
 * - `patients`: patients added through /__admin/patients;
 * - `organisations`: organisations added, changed or deleted through /__admin/organisations (or
 *   brought by a registered client), as an overlay on the fixtures;
 * - `sessions/<id>`: the critical-information store of a session written to through the APIs,
 *   every version of every record.
 */
import { z } from 'zod'
import { profileByName } from '../domain/critical-info/profiles/index.js'
import type { PersistedRecord } from '../domain/critical-info/store.js'
import type { FhirResource, ProfileName } from '../domain/critical-info/types.js'
import { clientRegistrationSchema, type ClientRegistration } from '../domain/helseid/clients.js'
import { SESSION_ID } from '../domain/sessions.js'
import { organisationSchema } from '../domain/world/organisations.js'
import { patientSchema, type Patient } from '../domain/world/patients.js'

export const CLIENTS = 'clients'
export const PATIENTS = 'patients'
export const ORGANISATIONS = 'organisations'
export const SESSION_PREFIX = 'sessions/'

export function sessionDocument (id: string): string {
  return `${SESSION_PREFIX}${id}`
}

export const clientsDocumentSchema = z.object({
  registered: z.array(clientRegistrationSchema),
  deleted: z.array(z.string().min(1))
})
export type ClientsDocument = z.infer<typeof clientsDocumentSchema>

export const organisationsDocumentSchema = z.object({
  saved: z.array(organisationSchema),
  deleted: z.array(z.string().min(1))
})
export type OrganisationsDocument = z.infer<typeof organisationsDocumentSchema>

export const patientsDocumentSchema = z.object({ patients: z.array(patientSchema) })
export type PatientsDocument = { patients: Patient[] }

const resourceSchema = z.looseObject({
  resourceType: z.string().min(1),
  id: z.string().min(1),
  meta: z.looseObject({ versionId: z.string(), lastUpdated: z.string() })
})

export const sessionDocumentSchema = z.object({
  id: z.string().regex(SESSION_ID),
  records: z.array(z.object({
    id: z.string().min(1),
    nin: z.string().regex(/^\d{11}$/),
    profile: z.string().refine((name) => profileByName(name) !== undefined, 'not a Kj profile'),
    versions: z.array(resourceSchema).min(1)
  }))
})

export interface SessionDocument {
  id: string
  records: PersistedRecord[]
}

/** Checked by the schema, but the resources are taken as written: zod would reorder their keys. */
export function parseSessionDocument (data: unknown): SessionDocument {
  const parsed = sessionDocumentSchema.parse(data)
  const raw = data as { records: Array<{ versions: FhirResource[] }> }
  return {
    id: parsed.id,
    records: parsed.records.map((r, i) => ({ id: r.id, nin: r.nin, profile: r.profile as ProfileName, versions: (raw.records[i] as { versions: FhirResource[] }).versions }))
  }
}

export type { ClientRegistration, Patient }

/** One line naming the first problem of a zod error, for start-up reports. */
export function describeError (err: unknown): string {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0]
    return issue === undefined ? err.message : `${issue.path.join('.') || '(root)'}: ${issue.message}`
  }
  return (err as Error).message
}
