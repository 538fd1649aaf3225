/**
 * Synthetic patients: what Kjernejournal knows of a person, enough to answer helseindikator
 * (status 1-4, prescriptions, blocks, restrictions) and, later, critical information.
 * A valid national identity number that is not a fixture patient is an ordinary person with a
 * Kjernejournal and nothing registered (status 2); see docs/assumptions.md.
 */
import { z } from 'zod'
import { isValidNin } from '../nin.js'

const isoDateTime = z.iso.datetime({ offset: true })

export const patientSchema = z.object({
  nin: z.string().regex(/^\d{11}$/, 'expected 11 digits').refine(isValidNin, 'not a valid national identity number'),
  givenName: z.string().min(1),
  middleName: z.string().min(1).optional(),
  familyName: z.string().min(1),
  /** Folkeregister status; anything but `active` makes Kjernejournal refuse the patient (KJF-000017). */
  status: z.enum(['active', 'dead', 'emigrated', 'inactive']).default('active'),
  /** The person has reserved themselves against Kjernejournal: no journal (status 1). */
  reserved: z.boolean().default(false),
  /** The patient has registered own health information (status 3). */
  ownHealthInformation: z.boolean().default(false),
  /** Critical information by category with its last change (status 4 when any). */
  criticalInfo: z.array(z.object({ kategori: z.string().min(1), sistEndret: isoDateTime })).default([]),
  /** Modules of Kjernejournal the patient has restricted (sperring), e.g. KRITISK_INFO, LEGEMIDLER. */
  restrictedModules: z.array(z.string().min(1)).default([]),
  /** HPR numbers of health personnel the patient has blocked (blokkering). */
  blockedHpr: z.array(z.string().regex(/^\d{6,9}$/)).default([]),
  hasPrescriptions: z.boolean().default(false),
  hasLockedPrescriptions: z.boolean().default(false),
  /** The patient's GP (fastlege); null when the patient has none. */
  gp: z.object({ hprNumber: z.string().regex(/^\d{6,9}$/), name: z.string().min(1) }).nullable().default(null),
  note: z.string().default('')
}).strict()

export type Patient = z.infer<typeof patientSchema>

export const patientsFileSchema = z.array(patientSchema).superRefine((patients, ctx) => {
  const seen = new Set<string>()
  patients.forEach((p, i) => {
    if (seen.has(p.nin)) ctx.addIssue({ code: 'custom', path: [i, 'nin'], message: `duplicate patient ${p.nin}` })
    seen.add(p.nin)
  })
})

/** An ordinary person with a Kjernejournal and nothing in it, for numbers not in the fixtures. */
export function ordinaryPatient (nin: string): Patient {
  return {
    nin,
    givenName: 'Ukjent',
    familyName: 'Person',
    status: 'active',
    reserved: false,
    ownHealthInformation: false,
    criticalInfo: [],
    restrictedModules: [],
    blockedHpr: [],
    hasPrescriptions: false,
    hasLockedPrescriptions: false,
    gp: null,
    note: ''
  }
}
