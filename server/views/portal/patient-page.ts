/**
 * The patient as the portal shows them after a successful login: personal data, the
 * helseindikator icon and the critical information, with who is looking and on what basis.
 */
import { CRITICAL_INFO_MODULE } from '../../domain/critical-info/access.js'
import { RETUR_TEKST, type HelseindikatorStatus } from '../../domain/kjernejournal/helseindikator.js'
import { ageAt, parseNin } from '../../domain/nin.js'
import type { Organisation } from '../../domain/world/organisations.js'
import type { Patient } from '../../domain/world/patients.js'
import { fullName, type User } from '../../domain/world/users.js'
import type { CriticalInfoRow } from './critical-info-view.js'
import { html, type Html } from './html.js'
import { helseindikatorIcon } from './icons.js'
import { page } from './layout.js'

export interface PatientView {
  readonly patient: Patient
  readonly status: HelseindikatorStatus
  readonly rows: readonly CriticalInfoRow[]
  readonly user: User
  readonly role?: string
  readonly organisation: Organisation
  /** The consent (ticket) or access basis (Innlogging) the patient was opened with. */
  readonly basis?: string
  /** How the portal was opened. */
  readonly via: 'ticket' | 'innlogging'
  readonly sessionId?: string
  /** Until when the ticket or session is valid, ISO (sandbox time). */
  readonly validUntil: string
  /** Sandbox time now, ISO. */
  readonly now: string
  readonly logoutUrl: string
}

const BASIS_TEXT: Readonly<Record<string, string>> = {
  HPMOTTATTSAMTYKKE: 'Samtykke fra pasienten',
  HPAKUTT: 'Akutt behov',
  HPUNNTAK: 'Unntak fra samtykke (fastlege / spesialist)',
  SAMTYKKE: 'Samtykke fra pasienten',
  AKUTT: 'Akutt behov',
  UNNTAK: 'Unntak fra samtykke'
}

const CRITICALITY: Readonly<Record<string, string>> = { high: 'Høy', low: 'Lav', 'unable-to-assess': 'Kan ikke vurderes' }

export function formatNin (nin: string): string {
  return `${nin.slice(0, 6)} ${nin.slice(6)}`
}

/** Norwegian date (and time) in UTC, e.g. 14.03.2026 09:12; the sandbox clock is UTC. */
export function formatDate (iso: string | undefined, withTime = false): string {
  if (iso === undefined) return '-'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number): string => String(n).padStart(2, '0')
  const date = `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`
  return withTime ? `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC` : date
}

function isBlocked (view: PatientView): boolean {
  return view.user.hprNumber !== undefined && view.patient.blockedHpr.includes(view.user.hprNumber)
}

function isEmergency (basis: string | undefined): boolean {
  return basis === 'HPAKUTT' || basis === 'AKUTT'
}

function personalData (view: PatientView): Html {
  const { patient } = view
  const birthDate = parseNin(patient.nin)?.birthDate
  const age = birthDate !== undefined ? ageAt(birthDate, new Date(view.now)) : undefined
  return html`<section class="card" aria-labelledby="personalia">
<h2 id="personalia">Personopplysninger</h2>
<dl class="facts">
<dt>Fødselsnummer</dt><dd data-testid="nin">${formatNin(patient.nin)}</dd>
<dt>Født</dt><dd>${birthDate !== undefined ? `${formatDate(birthDate.toISOString())} (${String(age)} år)` : '-'}</dd>
<dt>Status i Folkeregisteret</dt><dd>${patient.status === 'active' ? 'Bosatt' : patient.status}</dd>
<dt>Fastlege</dt><dd>${patient.gp !== null ? `${patient.gp.name} (HPR ${patient.gp.hprNumber})` : 'Ingen fastlege registrert'}</dd>
<dt>Egne registreringer</dt><dd>${patient.ownHealthInformation ? 'Pasienten har registrert egne opplysninger' : 'Ingen'}</dd>
<dt>Legemidler</dt><dd>${patient.hasPrescriptions ? 'Pasienten har resepter (vises ikke i sandkassen)' : 'Ingen registrert'}${patient.hasLockedPrescriptions ? ', noen er låst' : ''}</dd>
</dl>
</section>`
}

function criticalTable (rows: readonly CriticalInfoRow[]): Html {
  if (rows.length === 0) return html`<p data-testid="no-critical-info">Ingen kritisk informasjon er registrert.</p>`
  return html`<table data-testid="critical-info">
<caption class="muted" style="text-align:left;padding-bottom:8px">${rows.length} registrering${rows.length === 1 ? '' : 'er'}, sist endret først</caption>
<thead><tr><th scope="col">Kategori</th><th scope="col">Beskrivelse</th><th scope="col">Alvorlighet</th><th scope="col">Registrert</th><th scope="col">Sist endret</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr data-id="${r.id}"><td>${r.category}</td><td>${r.description}${r.active ? '' : html` <span class="tag">Ikke aktiv</span>`}</td><td>${r.criticality !== undefined ? html`<span class="tag ${r.criticality === 'high' ? 'high' : ''}">${CRITICALITY[r.criticality] ?? r.criticality}</span>` : '-'}</td><td>${formatDate(r.recorded)}</td><td>${formatDate(r.lastUpdated, true)}</td></tr>
`)}</tbody>
</table>`
}

function criticalInfo (view: PatientView): Html {
  const restricted = view.patient.restrictedModules.includes(CRITICAL_INFO_MODULE)
  let body: Html
  if (isBlocked(view)) {
    body = html`<div class="notice" role="note">Pasienten har blokkert deg (HPR ${view.user.hprNumber}). Kritisk informasjon vises ikke.</div>`
  } else if (restricted && !isEmergency(view.basis)) {
    body = html`<div class="notice" role="note">Pasienten har sperret kritisk informasjon. Den kan bare åpnes ved akutt behov.</div>`
  } else {
    body = html`${restricted ? html`<div class="notice" role="note">Pasienten har sperret kritisk informasjon; den vises fordi grunnlaget er akutt behov.</div>` : ''}${criticalTable(view.rows)}`
  }
  return html`<section class="card" aria-labelledby="kritisk">
<h2 id="kritisk">Kritisk informasjon</h2>
${body}
</section>`
}

function context (view: PatientView): Html {
  return html`<section class="card" aria-labelledby="kontekst">
<h2 id="kontekst">Innlogging</h2>
<dl class="facts">
<dt>Helsepersonell</dt><dd>${fullName(view.user)}${view.user.hprNumber !== undefined ? ` (HPR ${view.user.hprNumber})` : ''}${view.role !== undefined ? `, rolle ${view.role}` : ''}</dd>
<dt>Virksomhet</dt><dd>${view.organisation.name} (${view.organisation.orgnr})</dd>
<dt>Grunnlag</dt><dd>${view.basis !== undefined ? `${BASIS_TEXT[view.basis] ?? view.basis} (${view.basis})` : 'Ikke oppgitt'}</dd>
<dt>Åpnet med</dt><dd>${view.via === 'ticket' ? 'Billett fra helseindikator' : `Kjernejournal Innlogging, sesjon ${view.sessionId ?? ''}`}</dd>
<dt>Gyldig til</dt><dd>${formatDate(view.validUntil, true)}</dd>
</dl>
<p><a href="${view.logoutUrl}">Logg ut</a></p>
</section>`
}

export function renderPatientPage (view: PatientView): string {
  const name = fullName(view.patient)
  const notices = view.user.kjKnowledgeConfirmed
    ? ''
    : html`<div class="notice" role="note">Du har ikke bekreftet kunnskap om kjernejournal. Den virkelige portalen ber deg bekrefte det før pasienten vises.</div>`
  const body = html`${notices}<section class="card patient-head" aria-labelledby="pasient">
${helseindikatorIcon(view.status, 56)}
<div>
<h1 id="pasient">${name}</h1>
<p class="muted" data-testid="indicator-text">${RETUR_TEKST[view.status]} (helseindikator ${view.status})</p>
</div>
</section>
${criticalInfo(view)}
${personalData(view)}
${context(view)}`
  return page({ title: name, who: fullName(view.user), body })
}
