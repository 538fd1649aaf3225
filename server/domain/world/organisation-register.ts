/**
 * The rules of Kjernejournal's organisation register as the admin API changes it at run time:
 * what a new or changed entry must satisfy against the organisations already known (so a bad
 * entry is a 400 naming the field, never a world with a dangling parent), and which of a newly
 * registered client's organisations the register is missing. Pure: the verbs that change the
 * world are in ../world-operations.ts.
 */
import { AdminError } from '../admin-error.js'
import type { Organisation } from './organisations.js'

/** Far above any team's needs, short of a memory leak (like MAX_CLIENTS). */
export const MAX_ORGANISATIONS = 10_000

function fieldError (field: string, message: string): AdminError {
  return new AdminError(400, 'invalid_request', `${field}: ${message}`, [{ path: [field], message }])
}

/** A parent must be known and must not be the organisation itself. */
function checkParent (entry: Organisation, organisations: ReadonlyMap<string, Organisation>): void {
  if (entry.parent === undefined) return
  if (entry.parent === entry.orgnr) throw fieldError('parent', 'an organisation cannot be its own parent')
  if (!organisations.has(entry.parent)) {
    throw fieldError('parent', `organisation ${entry.parent} is unknown; add the parent first (POST /__admin/organisations)`)
  }
}

export function checkNewOrganisation (entry: Organisation, organisations: ReadonlyMap<string, Organisation>): void {
  if (organisations.has(entry.orgnr)) {
    throw fieldError('orgnr', `organisation ${entry.orgnr} exists; PUT /__admin/organisations/${entry.orgnr} changes it`)
  }
  if (organisations.size >= MAX_ORGANISATIONS) throw new AdminError(409, 'limit_reached', `the sandbox holds at most ${MAX_ORGANISATIONS} organisations; delete some first`)
  checkParent(entry, organisations)
}

export function checkChangedOrganisation (entry: Organisation, organisations: ReadonlyMap<string, Organisation>): void {
  checkParent(entry, organisations)
}

/** Units that name `orgnr` as their parent: deleting it first would leave them dangling. */
export function childrenOf (orgnr: string, organisations: ReadonlyMap<string, Organisation>): string[] {
  return [...organisations.values()].filter((o) => o.parent === orgnr).map((o) => o.orgnr)
}

/** What a client's registration says about the organisations it speaks for. */
export interface ClientOrganisations {
  readonly client_id: string
  readonly client_name?: string | undefined
  readonly orgnr_parent: string
  readonly orgnr_child?: string | undefined
  /** Further legal entities the client may represent (multi-tenant delegation), when registered. */
  readonly represents?: readonly string[] | undefined
}

/** How an organisation brought by a registration says so in the register (its note), kept across restarts. */
const BROUGHT_NOTE = (clientId: string): string => `Added when client '${clientId}' was registered.`

export function broughtByClient (organisation: Pick<Organisation, 'note'>): boolean {
  return /^Added when client '.*' was registered\.$/.test(organisation.note)
}

/** Where an organisation's Kjernejournal access comes from when the fixture files do not grant it. */
export type RunTimeGrant = 'client-registration' | 'organisation-register'

/**
 * Whether `saved` (a run-time entry of the register) is what lets its organisation in: the fixture
 * files lack it or give it no access or no activity. The answer names where it came from.
 */
export function runTimeGrant (saved: Organisation, fixture: Organisation | undefined): RunTimeGrant | undefined {
  if (fixture !== undefined && fixture.access && fixture.active) return undefined
  return broughtByClient(saved) ? 'client-registration' : 'organisation-register'
}

/**
 * The organisations a client brings that the register lacks, as entries with access and active,
 * parents before their children (a child's parent is the client's orgnr_parent when that is
 * being added or known). Names say where they came from, so the register shows it.
 */
export function organisationsBroughtBy (client: ClientOrganisations, organisations: ReadonlyMap<string, Organisation>): Organisation[] {
  const label = client.client_name ?? client.client_id
  const wanted: Array<{ orgnr: string, name: string, parent?: string }> = [
    { orgnr: client.orgnr_parent, name: `${label} (legal entity)` },
    ...(client.represents ?? []).map((orgnr) => ({ orgnr, name: `Represented by ${label}` })),
    ...(client.orgnr_child !== undefined ? [{ orgnr: client.orgnr_child, name: `${label} (point of care)`, parent: client.orgnr_parent }] : [])
  ]
  const added = new Map<string, Organisation>()
  for (const w of wanted) {
    if (organisations.has(w.orgnr) || added.has(w.orgnr)) continue
    const parent = w.parent !== undefined && w.parent !== w.orgnr ? { parent: w.parent } : {}
    added.set(w.orgnr, { orgnr: w.orgnr, name: w.name, ...parent, access: true, active: true, note: BROUGHT_NOTE(client.client_id) })
  }
  return [...added.values()]
}
