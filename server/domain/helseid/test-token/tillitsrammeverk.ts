/**
 * The Tillitsrammeverk attest a test token carries with `createTillitsrammeverkClaims`: one
 * `authorization_details` entry of type `nhn:tillitsrammeverk:parameters`. What the parameters
 * leave empty gets a plausible value: a physician (LE) treating (TREAT/BEHANDLER) at the
 * client's own organisation, the patient at the same point of care.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruksmoenstre-og-eksempelkode/bruk-av-helseid/docs/tillitsrammeverk/profil_for_tillitsrammeverkmd
 */
import { randomUUID } from 'node:crypto'
import { nonEmpty } from './generation.js'
import type { TillitsrammeverkClaimsParameters } from './request.js'

export const TILLITSRAMMEVERK_TYPE = 'nhn:tillitsrammeverk:parameters'

const SYSTEM = {
  organisation: 'urn:oid:2.16.578.1.12.4.1.4.101',
  department: 'urn:oid:2.16.578.1.12.4.1.4.102',
  authorization: 'urn:oid:2.16.578.1.12.4.1.1.9060',
  healthcareService: 'urn:oid:2.16.578.1.12.4.1.1.8666',
  purposeOfUse: 'urn:oid:2.16.840.1.113883.1.11.20448',
  purposeOfUseDetails: 'urn:AuditEventHL7Norway/CodeSystem/carerelation'
} as const

export interface TillitsrammeverkDefaults {
  /** The client's legal entity (orgnr_parent). */
  readonly legalEntity: string
  /** The client's point of care (orgnr_child, else orgnr_parent). */
  readonly pointOfCare: string
}

type Element = Record<string, string | boolean>

function pick (value: string | undefined, fallback: string): string {
  return nonEmpty(value) ? value : fallback
}

/** `{id, system}` plus `name` when given; undefined when neither id nor fallback exists. */
function identified (id: string | undefined, name: string | undefined, system: string, fallback?: string): Element | undefined {
  const value = nonEmpty(id) ? id : fallback
  if (value === undefined) return undefined
  return { id: value, system, ...(nonEmpty(name) && { name }) }
}

function coded (code: string | undefined, text: string | undefined, system: string, fallback: string): Element {
  return { code: pick(code, fallback), system, ...(nonEmpty(text) && { text }) }
}

function compact (element: Record<string, Element | undefined>): Record<string, Element> {
  return Object.fromEntries(Object.entries(element).filter(([, v]) => v !== undefined)) as Record<string, Element>
}

export function tillitsrammeverkDetails (given: TillitsrammeverkClaimsParameters | undefined, defaults: TillitsrammeverkDefaults): Record<string, unknown> {
  const p = given ?? {}
  const pointOfCare = identified(p.practitionerPointOfCareId, p.practitionerPointOfCareName, SYSTEM.organisation, defaults.pointOfCare)
  return {
    type: TILLITSRAMMEVERK_TYPE,
    practitioner: compact({
      authorization: coded(p.practitionerAuthorizationCode, p.practitionerAuthorizationText, SYSTEM.authorization, 'LE'),
      legal_entity: identified(p.practitionerLegalEntityId, p.practitionerLegalEntityName, SYSTEM.organisation, defaults.legalEntity),
      point_of_care: pointOfCare,
      department: identified(p.practitionerDepartmentId, p.practitionerDepartmentName, SYSTEM.department)
    }),
    care_relationship: {
      healthcare_service: coded(p.careRelationshipHealthcareServiceCode, p.careRelationshipHealthcareServiceText, SYSTEM.healthcareService, '01'),
      purpose_of_use: coded(p.careRelationshipPurposeOfUseCode, p.careRelationshipPurposeOfUseText, SYSTEM.purposeOfUse, 'TREAT'),
      purpose_of_use_details: coded(p.careRelationshipPurposeOfUseDetailsCode, p.careRelationshipPurposeOfUseDetailsText, SYSTEM.purposeOfUseDetails, 'BEHANDLER'),
      decision_ref: { id: pick(p.careRelationshipTracingRefId, randomUUID()), user_selected: true }
    },
    patients: [compact({
      point_of_care: identified(p.patientsPointOfCareId, p.patientsPointOfCareName, SYSTEM.organisation) ?? pointOfCare,
      department: identified(p.patientsDepartmentId, p.patientsDepartmentName, SYSTEM.department)
    })]
  }
}
