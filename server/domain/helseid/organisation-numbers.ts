/**
 * Organisation numbers as HelseID puts them in access tokens. A single-tenant client gets its
 * registered legal entity (orgnr_parent) automatically; a point of care (orgnr_child) only when
 * the EHR sends the `helseid_authorization` structure. A multi-tenant client names its parent in
 * the structure every time, and HelseID checks that the client may represent it.
 * The structure's identifier comes in two forms, both still sent by EHRs and NHN's samples:
 * system `urn:oid:2.16.578.1.12.4.1.4.101` with the bare child number (single-tenant, what
 * NHN's libraries send today), or system `urn:oid:1.0.6523` (or the 4.1.4.101 one) with
 * `NO:ORGNR:<parent>[:<child>]`. Malformed structures get HelseID's HID-100x codes.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruksmoenstre-og-eksempelkode/bruk-av-helseid/docs/tekniske-mekanismer/organisasjonsnumre_enmd
 */
import { representedBy, tenancyOf, type Client } from './clients.js'
import { OAuthError } from './oauth-error.js'

export const ORGANISATION_DETAILS_TYPE = 'helseid_authorization'

/** ISO 6523 (the multi-tenant form) and Enhetsregisteret's OID (the single-tenant form). */
export const ORGANISATION_SYSTEMS = ['urn:oid:1.0.6523', 'urn:oid:2.16.578.1.12.4.1.4.101'] as const

/** What the EHR asked for; `parent` only when the value named one. */
export interface OrganisationStructure {
  readonly parent?: string
  readonly child?: string
}

/** The numbers a token carries, and whether the child came from the registration rather than the EHR. */
export interface TokenOrganisations {
  readonly parent?: string
  readonly child?: string
  readonly defaultChild: boolean
}

/** HelseID's error for a structure it cannot read: HID-1007, or HID-1004 for a badly formed number. */
export function structureError (code: 'HID-1001' | 'HID-1004' | 'HID-1007' | 'HID-1008' | 'HID-1009', description: string): OAuthError {
  return new OAuthError('invalid_request', `${code}: ${description}`)
}

function isRecord (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function orgnr (value: string | undefined, what: string): string {
  if (value === undefined || !/^\d{9}$/.test(value)) {
    throw structureError('HID-1004', `the ${what} organisation number '${value ?? ''}' is not nine digits`)
  }
  return value
}

/** Reads one `helseid_authorization` entry. */
export function parseOrganisationStructure (entry: Record<string, unknown>): OrganisationStructure {
  const role = entry.practitioner_role
  const organization = isRecord(role) ? role.organization : undefined
  const identifier = isRecord(organization) ? organization.identifier : undefined
  if (!isRecord(identifier)) throw structureError('HID-1007', 'helseid_authorization needs practitioner_role.organization.identifier {system, type, value}')
  const { system, type, value } = identifier
  if (typeof system !== 'string' || !(ORGANISATION_SYSTEMS as readonly string[]).includes(system)) {
    throw structureError('HID-1007', `identifier.system must be ${ORGANISATION_SYSTEMS.join(' or ')}`)
  }
  if (type !== 'ENH') throw structureError('HID-1007', 'identifier.type must be ENH')
  if (typeof value !== 'string' || value === '') throw structureError('HID-1007', 'identifier.value must be NO:ORGNR:<parent>[:<child>] or a child organisation number')
  if (value.startsWith('NO:ORGNR:')) {
    const parts = value.slice('NO:ORGNR:'.length).split(':')
    if (parts.length > 2) throw structureError('HID-1007', `identifier.value '${value}' has more than a parent and a child`)
    const [parent, child] = parts
    return { parent: orgnr(parent, 'parent'), ...(child !== undefined && { child: orgnr(child, 'child') }) }
  }
  if (system === 'urn:oid:1.0.6523') throw structureError('HID-1007', `with system urn:oid:1.0.6523 the value is NO:ORGNR:<parent>[:<child>], not '${value}'`)
  return { child: orgnr(value, 'child') }
}

/**
 * The organisation numbers of a token for `client`, given the structure the EHR sent (if any).
 * A registration's compatibility `orgnr_child` is used only when no structure names a child.
 */
export function tokenOrganisations (client: Client, structure: OrganisationStructure | undefined): TokenOrganisations {
  if (structure !== undefined && client.authMethod !== 'private_key_jwt') {
    throw structureError('HID-1008', 'clients that authenticate with a shared secret may not pass organisation numbers; use a key (private_key_jwt)')
  }
  if (tenancyOf(client) === 'multi') {
    if (structure?.parent === undefined) {
      // HelseID issues the token without orgnr_parent; the API then refuses it.
      return { defaultChild: false }
    }
    if (!representedBy(client).includes(structure.parent)) {
      throw structureError('HID-1001', `the client may not represent ${structure.parent} (it represents ${representedBy(client).join(', ')}: the sandbox's stand-in for Altinn delegations)`)
    }
    return { parent: structure.parent, ...(structure.child !== undefined && { child: structure.child }), defaultChild: false }
  }
  if (structure?.parent !== undefined && structure.parent !== client.orgnr_parent) {
    throw structureError('HID-1001', `the parent ${structure.parent} is not the client's legal entity ${client.orgnr_parent}`)
  }
  const child = structure?.child
  if (child !== undefined) return { parent: client.orgnr_parent, child, defaultChild: false }
  if (client.orgnr_child !== undefined) return { parent: client.orgnr_parent, child: client.orgnr_child, defaultChild: true }
  return { parent: client.orgnr_parent, defaultChild: false }
}
