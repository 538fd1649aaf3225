/**
 * The helseindikator answer: which icon the EHR shows for a patient (status 0-4) and, from
 * status 2, a ticket. Field names and meanings follow the integration guide (seed 002); the
 * return texts other than status 4's are not published and are the sandbox's own.
 */
import { parseNin } from '../nin.js'
import { KjError } from '../kj-error.js'
import type { Patient } from '../world/patients.js'
import type { Samtykke } from './tickets.js'

export type HelseindikatorStatus = 0 | 1 | 2 | 3 | 4

export const RETUR_TEKST: Readonly<Record<HelseindikatorStatus, string>> = {
  0: 'Pasientens identifikator er ikke et gyldig fødselsnummer eller d-nummer',
  1: 'Pasienten har ikke kjernejournal',
  2: 'Pasienten har kjernejournal',
  3: 'Pasienten har registrert egne opplysninger i kjernejournal',
  4: 'OBS: Kritisk informasjon i kjernejournal'
}

export const SAMTYKKE_VALUES: readonly Samtykke[] = ['HPMOTTATTSAMTYKKE', 'HPAKUTT', 'HPUNNTAK']

export interface HelseindikatorRequest {
  readonly fnr: string
  /** Checked last, after the patient (see `checkSamtykke`), as the real service orders its checks. */
  readonly samtykke?: string
  readonly legemiddelFraDato?: string
}

/**
 * Checks the body's shape: fnr present, field types, date. An fnr that is not a valid number is
 * not an error here: it is status 0.
 */
export function parseHelseindikatorBody (body: unknown): HelseindikatorRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new KjError('KJF-000206', 'the body must be a JSON object like {"fnr": "..."}')
  const { fnr, samtykke, legemiddelFraDato } = body as Record<string, unknown>
  if (fnr === undefined || fnr === null || fnr === '') throw new KjError('KJF-000295', 'fnr is missing')
  if (typeof fnr !== 'string') throw new KjError('KJF-000351', `fnr must be a string, not ${typeof fnr}`)
  if (samtykke !== undefined && samtykke !== null && typeof samtykke !== 'string') throw new KjError('KJF-000351', `samtykke must be a string, not ${typeof samtykke}`)
  if (legemiddelFraDato !== undefined && legemiddelFraDato !== null && typeof legemiddelFraDato !== 'string') throw new KjError('KJF-000351', `legemiddelFraDato must be a string, not ${typeof legemiddelFraDato}`)
  if (typeof legemiddelFraDato === 'string' && !isIsoDate(legemiddelFraDato)) {
    throw new KjError('KJF-000214', `legemiddelFraDato '${legemiddelFraDato}' is not a date like 2021-06-11`)
  }
  return {
    fnr,
    ...(typeof samtykke === 'string' && { samtykke }),
    ...(typeof legemiddelFraDato === 'string' && { legemiddelFraDato })
  }
}

export function checkSamtykke (samtykke: string | undefined): Samtykke | undefined {
  if (samtykke === undefined) return undefined
  if (!(SAMTYKKE_VALUES as readonly string[]).includes(samtykke)) {
    throw new KjError('KJF-000323', `samtykke '${samtykke}' is not one of ${SAMTYKKE_VALUES.join(', ')}`)
  }
  return samtykke as Samtykke
}

function isIsoDate (value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value)
  if (match === null) return false
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.getUTCDate() === Number(match[3])
}

export type KategoriChange = Patient['criticalInfo'][number]

/**
 * The icon: 1 reserved, 4 critical information, 3 own health information, else 2. Critical
 * information is what the session's store holds (seeded from `patient.criticalInfo`).
 */
export function statusOf (patient: Patient, criticalInfo: readonly KategoriChange[] = patient.criticalInfo): HelseindikatorStatus {
  if (patient.reserved) return 1
  if (criticalInfo.length > 0) return 4
  return patient.ownHealthInformation ? 3 : 2
}

export interface HelseindikatorAnswer {
  status: HelseindikatorStatus
  returTekst: string
  ticket?: string
  harLegemidler?: boolean
  harLasteResepter?: boolean
  eksistererBlokkertHelsepersonell?: boolean
  sperringDetaljer?: Array<{ modul: string }>
  sistEndretKritiskInfo?: Array<{ kategori: string, sistEndret: string }>
  sistEndretKritiskInfoDato?: string
}

/** Status 0 for numbers that are no identity number; KJF-000017 for patients no longer active. */
export function answerFor (nin: string, patient: Patient | undefined): HelseindikatorAnswer | undefined {
  if (parseNin(nin) === undefined) return { status: 0, returTekst: RETUR_TEKST[0] }
  if (patient !== undefined && patient.status !== 'active') {
    throw new KjError('KJF-000017', `the patient's status in the population register is ${patient.status}`)
  }
  return undefined
}

export function describePatient (patient: Patient, criticalInfo: readonly KategoriChange[] = patient.criticalInfo): HelseindikatorAnswer {
  const status = statusOf(patient, criticalInfo)
  const answer: HelseindikatorAnswer = {
    status,
    returTekst: RETUR_TEKST[status],
    harLegemidler: patient.hasPrescriptions,
    harLasteResepter: patient.hasLockedPrescriptions,
    eksistererBlokkertHelsepersonell: patient.blockedHpr.length > 0,
    sperringDetaljer: patient.restrictedModules.map((modul) => ({ modul }))
  }
  if (status === 4) {
    const latest = [...criticalInfo].sort((a, b) => Date.parse(b.sistEndret) - Date.parse(a.sistEndret))
    answer.sistEndretKritiskInfo = criticalInfo.map(({ kategori, sistEndret }) => ({ kategori, sistEndret }))
    answer.sistEndretKritiskInfoDato = latest[0]?.sistEndret as string
  }
  return answer
}
