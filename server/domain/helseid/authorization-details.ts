/**
 * `authorization_details` (RFC 9396) as HelseID reads it from a client assertion, a request
 * object or a PAR parameter: the organisation structure (`helseid_authorization`) and the
 * tillitsrammeverk attest. Types HelseID does not know are ignored here, as by any RAR server
 * that lets APIs define their own. A structure may come from the login (request object, PAR)
 * or from the token request (client assertion), never both: HelseID answers `access_denied`
 * with HID-DOUBLE-STRUCTURE (documented for the attest; the sandbox applies it to both types).
 * @see https://www.rfc-editor.org/rfc/rfc9396
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruksmoenstre-og-eksempelkode/bruk-av-helseid/docs/tillitsrammeverk/profil_for_tillitsrammeverkmd
 */
import { OAuthError } from './oauth-error.js'
import { ORGANISATION_DETAILS_TYPE, parseOrganisationStructure, structureError, type OrganisationStructure } from './organisation-numbers.js'
import { parseAttest, type TillitsrammeverkAttest } from './tillitsrammeverk-attest.js'
import { TILLITSRAMMEVERK_TYPE } from './test-token/tillitsrammeverk.js'

export interface AuthorizationDetails {
  readonly organisation?: OrganisationStructure
  readonly attest?: TillitsrammeverkAttest
}

/** Far more entries than any EHR sends: a request object stays small. */
const MAX_ENTRIES = 10

/** Reads the claim or parameter value (an array of entries, or one entry as NHN's samples send). */
export function parseAuthorizationDetails (value: unknown): AuthorizationDetails {
  if (value === undefined || value === null) return {}
  let json = value
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value)
    } catch {
      throw structureError('HID-1007', 'authorization_details is not JSON')
    }
  }
  const entries = Array.isArray(json) ? json : [json]
  if (entries.length > MAX_ENTRIES) throw structureError('HID-1007', `authorization_details has more than ${MAX_ENTRIES} entries`)
  let organisation: OrganisationStructure | undefined
  let attest: TillitsrammeverkAttest | undefined
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw structureError('HID-1007', 'each authorization_details entry must be an object with a type')
    const record = entry as Record<string, unknown>
    if (record.type === ORGANISATION_DETAILS_TYPE) {
      if (organisation !== undefined) throw structureError('HID-1007', `authorization_details has more than one ${ORGANISATION_DETAILS_TYPE}`)
      organisation = parseOrganisationStructure(record)
    } else if (record.type === TILLITSRAMMEVERK_TYPE) {
      if (attest !== undefined) throw structureError('HID-1007', `authorization_details has more than one ${TILLITSRAMMEVERK_TYPE}`)
      attest = parseAttest(record)
    } else if (typeof record.type !== 'string') {
      throw structureError('HID-1007', 'an authorization_details entry has no type')
    }
  }
  return { ...(organisation !== undefined && { organisation }), ...(attest !== undefined && { attest }) }
}

export function isEmpty (details: AuthorizationDetails): boolean {
  return details.organisation === undefined && details.attest === undefined
}

/** What a token is made from: each structure from the login or from the token request, not both. */
export function combineDetails (fromLogin: AuthorizationDetails, fromAssertion: AuthorizationDetails): AuthorizationDetails {
  const twice = (fromLogin.attest !== undefined && fromAssertion.attest !== undefined) ||
    (fromLogin.organisation !== undefined && fromAssertion.organisation !== undefined)
  if (twice) {
    throw new OAuthError('access_denied', 'HID-DOUBLE-STRUCTURE: the same structure was sent both at login (request object or PAR authorization_details) and in the client assertion; send it in one place')
  }
  const organisation = fromAssertion.organisation ?? fromLogin.organisation
  const attest = fromAssertion.attest ?? fromLogin.attest
  return { ...(organisation !== undefined && { organisation }), ...(attest !== undefined && { attest }) }
}
