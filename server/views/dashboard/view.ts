/**
 * What the dashboard shows, gathered from the sandbox's domain objects for one session: plain
 * data, so rendering (page.ts and sections/) stays a pure function of it.
 */
import { lastChangeByKategori } from '../../domain/critical-info/service.js'
import { CATALOGUE, type CatalogueEntry } from '../../domain/error-catalogue.js'
import { QUICK_MINT_FLAGS, QUICK_MINT_FLAG_INFO, type QuickMintFlag } from '../../domain/helseid/test-token/quick-mint.js'
import { RETUR_TEKST, statusOf } from '../../domain/kjernejournal/helseindikator.js'
import { liveEvent, type LiveRequestEvent } from '../../domain/journal/live.js'
import type { LoadError, ScenarioRegistry } from '../../scenario-files/registry.js'
import type { Session } from '../../domain/session.js'
import { fullName, type User } from '../../domain/world/users.js'
import type { World } from '../../domain/world/world.js'
import type { IndicatorState } from './icons.js'
import { readinessReport, type ReadinessReport } from '../../domain/readiness/report.js'

export interface SessionRow {
  id: string
  baseUrl: string
  now: string
  clockOffsetMs: number
  records: number
  current: boolean
}

export interface PatientRow {
  nin: string
  name: string
  state: IndicatorState
  /** The helseindikator's returTekst, or the error the patient gets. */
  text: string
  notes: string[]
}

export interface ScenarioRow {
  name: string
  description: string
  active: boolean
  state: string
  rules: number
}

export interface DashboardView {
  /** The session the page is for. */
  session: string
  /** URL prefix of the session's admin API: '' for default, '/s/<id>' otherwise. */
  base: string
  publicUrl: string
  /** ADMIN_TOKEN is set and the request did not carry it: the page has no data until it is given. */
  locked: boolean
  adminTokenSet: boolean
  sessions: SessionRow[]
  patients: PatientRow[]
  scenarios: ScenarioRow[]
  scenarioErrors: readonly LoadError[]
  /** Oldest first. */
  journal: LiveRequestEvent[]
  lastSeq: number
  catalogue: readonly CatalogueEntry[]
  users: Array<{ value: string, label: string }>
  organisations: Array<{ value: string, label: string }>
  flags: Array<{ flag: QuickMintFlag, label: string, code: string, userOnly: boolean }>
  /** Absent while the page is locked. */
  readiness?: ReadinessReport
}

export interface ViewSources {
  session: Session
  sessions: readonly Session[]
  world: World
  scenarios: ScenarioRegistry
  publicUrl: string
  adminTokenSet: boolean
  locked: boolean
  /** Journal rows rendered with the page; the live stream adds the rest. */
  journalRows?: number
}

export function sessionBase (id: string): string {
  return id === 'default' ? '' : `/s/${id}`
}

function patientRows (world: World, session: Session): PatientRow[] {
  return [...world.patients.values()].map((patient) => {
    const notes: string[] = []
    if (patient.restrictedModules.length > 0) notes.push(`restricted: ${patient.restrictedModules.join(', ')}`)
    if (patient.blockedHpr.length > 0) notes.push(`blocks HPR ${patient.blockedHpr.join(', ')}`)
    if (patient.hasPrescriptions) notes.push('prescriptions')
    if (patient.hasLockedPrescriptions) notes.push('locked prescriptions')
    const name = [patient.givenName, patient.middleName, patient.familyName].filter((n) => n !== undefined).join(' ')
    if (patient.status !== 'active') {
      // Helseindikator refuses the patient (KJF-000017); NHN's sample EHR shows icon 0 for any error.
      return { nin: patient.nin, name, state: 0, text: `KJF-000017: the patient is ${patient.status}`, notes }
    }
    const state = statusOf(patient, lastChangeByKategori(session.criticalInfo, patient.nin))
    return { nin: patient.nin, name, state, text: RETUR_TEKST[state], notes }
  })
}

function userLabel (user: User): string {
  const hpr = user.hprNumber !== undefined ? `HPR ${user.hprNumber}` : 'no HPR'
  return `${fullName(user)} (${user.pid}, ${hpr}, level ${user.securityLevel}${user.roles.length > 0 ? `, ${user.roles.join('/')}` : ''})`
}

export function buildDashboardView (src: ViewSources): DashboardView {
  const { session } = src
  const base = sessionBase(session.id)
  const empty = src.locked
  const runtime = session.scenarios
  return {
    session: session.id,
    base,
    publicUrl: src.publicUrl,
    locked: src.locked,
    adminTokenSet: src.adminTokenSet,
    sessions: empty
      ? []
      : src.sessions.map((s) => ({
        id: s.id,
        baseUrl: `${src.publicUrl}${sessionBase(s.id)}`,
        now: new Date(s.clock.now()).toISOString(),
        clockOffsetMs: s.clock.offsetMs(),
        records: s.criticalInfo.size,
        current: s.id === session.id
      })),
    patients: empty ? [] : patientRows(src.world, session),
    scenarios: empty
      ? []
      : src.scenarios.list().map((s) => ({
        name: s.name,
        description: s.description ?? '',
        active: runtime.isActive(s.name),
        state: runtime.stateOf(s),
        rules: s.rules.length
      })),
    scenarioErrors: empty ? [] : src.scenarios.errors(),
    journal: empty ? [] : session.journal.since(0, src.journalRows ?? 50).map(liveEvent),
    lastSeq: empty ? 0 : session.journal.lastSeq,
    catalogue: CATALOGUE,
    users: empty ? [] : src.world.users.map((u) => ({ value: u.pid, label: userLabel(u) })),
    organisations: empty ? [] : [...src.world.organisations.values()].map((o) => ({ value: o.orgnr, label: `${o.name} (${o.orgnr})` })),
    ...(!empty && { readiness: readinessReport(session.id, session.readiness.profile, session.readiness.findings, session.coverage.snapshot()) }),
    flags: QUICK_MINT_FLAGS.map((flag) => ({ flag, label: QUICK_MINT_FLAG_INFO[flag].label, code: QUICK_MINT_FLAG_INFO[flag].code, userOnly: QUICK_MINT_FLAG_INFO[flag].userOnly === true }))
  }
}
