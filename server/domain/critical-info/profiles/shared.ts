/**
 * Reading plain FHIR JSON without trusting it: a resource arrives as `unknown` parts, so every
 * access checks the shape first. Also the codings helpers the profiles share.
 */
import { PROFILE_BASE, type FhirResource, type KjResourceType, type ProfileName } from '../types.js'
import { isCategoryCode } from './categories.js'

export type JsonObject = Record<string, unknown>

export function isObject (value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function objectAt (parent: unknown, key: string): JsonObject | undefined {
  if (!isObject(parent)) return undefined
  const value = parent[key]
  return isObject(value) ? value : undefined
}

/** The array at `key`; a missing or non-array value reads as empty. */
export function arrayAt (parent: unknown, key: string): unknown[] {
  if (!isObject(parent)) return []
  const value = parent[key]
  return Array.isArray(value) ? value : []
}

export function stringAt (parent: unknown, key: string): string | undefined {
  if (!isObject(parent)) return undefined
  const value = parent[key]
  return typeof value === 'string' ? value : undefined
}

export interface Coding {
  readonly system?: string
  readonly code?: string
  readonly display?: string
}

/** The codings of a CodeableConcept, keeping only the string fields that identify a concept. */
export function codingsOf (concept: unknown): Coding[] {
  return arrayAt(concept, 'coding').filter(isObject).map((c) => {
    const coding: { system?: string, code?: string, display?: string } = {}
    const system = stringAt(c, 'system')
    const code = stringAt(c, 'code')
    const display = stringAt(c, 'display')
    if (system !== undefined) coding.system = system
    if (code !== undefined) coding.code = code
    if (display !== undefined) coding.display = display
    return coding
  })
}

/** The first code of `system` in a CodeableConcept. */
export function codeFrom (concept: unknown, system: string): string | undefined {
  return codingsOf(concept).find((c) => c.system === system)?.code
}

/**
 * What identifies a CodeableConcept: its codings' systems and codes, sorted, so a changed
 * display, `userSelected` or order is no change; the text only when nothing is coded (then the
 * text is the concept, as "other allergy if no proper code is found"). A KJ category code counts
 * without its system: any system is accepted and answers carry the configured one, so an EHR
 * that writes back what it read changes nothing (leniency `category-coding-system`).
 */
export function conceptIdentity (concept: unknown): unknown {
  if (!isObject(concept)) return null
  const keys = [...new Set(codingsOf(concept)
    .filter((c) => c.code !== undefined)
    .map((c) => JSON.stringify([isCategoryCode(c.code) ? null : c.system ?? null, c.code])))].sort()
  if (keys.length > 0) return { coding: keys.map((k) => JSON.parse(k) as unknown) }
  const text = stringAt(concept, 'text')
  return text !== undefined ? { text } : null
}

/** Which resource type each Kj profile constrains; lets a profile spot a sibling's canonical. */
export const PROFILE_RESOURCE_TYPES: Readonly<Record<ProfileName, KjResourceType>> = {
  KjAllergyIntolerance: 'AllergyIntolerance',
  KjConditionComplicationsOfAnesthesia: 'Condition',
  KjConditionCriticalMedicalCondition: 'Condition',
  KjProcedure: 'Procedure',
  KjConditionTransplantsAndOtherForeignBodies: 'Condition',
  KjDeviceUseStatement: 'DeviceUseStatement',
  KjFlag: 'Flag',
  KjConditionInfection: 'Condition',
  KjConsent: 'Consent',
  KjConsentBehandlingsavklaring: 'Consent'
}

export function profileUrl (name: ProfileName): string {
  return PROFILE_BASE + name
}

/** meta.profile as canonicals without their `|version` suffix; non-strings are left out. */
export function declaredProfiles (resource: FhirResource): string[] {
  return arrayAt(resource.meta, 'profile')
    .filter((p): p is string => typeof p === 'string')
    .map((p) => p.split('|')[0] as string)
}

/** A deep copy, so marking or filtering a record never touches the stored version. */
export function copyOf<T> (value: T): T {
  return structuredClone(value)
}
