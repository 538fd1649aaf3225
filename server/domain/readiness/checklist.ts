/**
 * The documented situations an EHR should have met (and handled) before it meets them at NHN,
 * read from what the session's coverage already counts: each helseindikator status and its icon,
 * an expired ticket, a blocked and a restricted patient, consent headers, a deleted record, a
 * version conflict, a server error, a slow answer and HelseID's DPoP nonce challenge. The sandbox
 * cannot see whether the EHR handled an answer well, only that it was served one.
 */
import type { CoverageSnapshot } from '../journal/coverage.js'
import { RETUR_TEKST } from '../kjernejournal/helseindikator.js'

export interface ChecklistItem {
  readonly id: string
  readonly title: string
  readonly met: boolean
  /** How many answers met it. */
  readonly count: number
  /** How to make the sandbox serve it (a scenario, a fixture patient, a clock move). */
  readonly howToMeet: string
}

interface ItemDefinition {
  readonly id: string
  readonly title: string
  readonly howToMeet: string
  readonly count: (coverage: CoverageSnapshot) => number
}

function codes (...wanted: string[]): (coverage: CoverageSnapshot) => number {
  return (coverage) => wanted.reduce((sum, code) => sum + (coverage.codes[code] ?? 0), 0)
}

function statuses (match: (status: number) => boolean): (coverage: CoverageSnapshot) => number {
  return (coverage) => Object.values(coverage.endpoints).reduce((sum, endpoint) =>
    sum + Object.entries(endpoint.statuses).reduce((n, [status, count]) => n + (match(Number(status)) ? count : 0), 0), 0)
}

export const CHECKLIST: readonly ItemDefinition[] = [
  ...([0, 1, 2, 3, 4] as const).map((status): ItemDefinition => ({
    id: `helseindikator-status-${status}`,
    title: `Helseindikator status ${status} and its icon ("${RETUR_TEKST[status]}")`,
    howToMeet: status === 0 ? 'Send an fnr that is not a valid national identity number' : `Call helseindikator for a fixture patient with status ${status} (docs/world.md lists them)`,
    count: (coverage) => coverage.helseindikatorStatuses[String(status)] ?? 0
  })),
  { id: 'expired-ticket', title: 'An expired ticket (KJF-000015 / AUT_002)', howToMeet: 'Advance the session clock past the ticket lifetime (POST /__admin/clock/advance {"hours":1}), or activate the scenario ticket-expires-mid-visit', count: codes('KJF-000015', 'AUT_002') },
  { id: 'blocked-patient', title: 'A patient who has blocked the user (KI-0018 / KJF-000352)', howToMeet: 'Activate the scenario patient-blocks-user', count: codes('KI-0018', 'KJF-000352') },
  { id: 'restricted-patient', title: 'A patient with restricted critical information (KI-0019 / KJF-000179)', howToMeet: 'Activate the scenario restriction-set', count: codes('KI-0019', 'KJF-000179') },
  { id: 'consent-headers', title: 'Consent headers sent (KJ-SAMTYKKE-*, nhn-access-basis)', howToMeet: 'Send the consent the user gave with the request', count: (coverage) => coverage.situations['consent-headers'] },
  { id: 'deleted-410', title: 'A deleted record (410 Gone)', howToMeet: 'Read a critical-information record after deleting it', count: statuses((s) => s === 410) },
  { id: 'version-conflict', title: 'A version conflict (409 / 412)', howToMeet: 'Update a record with an If-Match of an older version', count: statuses((s) => s === 409 || s === 412) },
  { id: 'server-error', title: 'A server error (5xx)', howToMeet: 'Activate the scenario flaky-helseindikator or helseid-down', count: statuses((s) => s >= 500) },
  { id: 'slow-answer', title: 'A slow answer', howToMeet: 'Activate the scenario slow-network', count: (coverage) => coverage.situations['slow-answer'] },
  { id: 'use-dpop-nonce', title: 'HelseID\'s DPoP nonce challenge (use_dpop_nonce)', howToMeet: 'Ask for a DPoP-bound token without a nonce', count: codes('oauth:use_dpop_nonce') }
]

export function checklist (coverage: CoverageSnapshot): ChecklistItem[] {
  return CHECKLIST.map((item) => {
    const count = item.count(coverage)
    return { id: item.id, title: item.title, met: count > 0, count, howToMeet: item.howToMeet }
  })
}
