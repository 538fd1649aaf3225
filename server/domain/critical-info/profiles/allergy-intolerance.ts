/**
 * KjAllergyIntolerance: overfølsomhetsreaksjon, the one profile whose helseindikator kategori
 * (OVER_REAK) is confirmed. Its sub-types are FHIR's own AllergyIntolerance.category codes:
 * medication is a drug reaction (legemiddelreaksjon), the rest other allergens (reference §2.5).
 */
import type { CriticalInfoType, FhirResource, ValidationIssue } from '../types.js'
import { MISSING, checkConcept, invalidCode, issue } from './checks.js'
import { clinicalStatusModel } from './clinical-status.js'
import { defineProfile } from './define.js'
import { conceptIdentity } from './shared.js'

export const ALLERGY_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical'
export const ALLERGY_VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification'

const CATEGORIES = ['medication', 'environment', 'food', 'biologic']
const CRITICALITIES = ['low', 'high', 'unable-to-assess']
const TYPES = ['allergy', 'intolerance']

function categoriesOf (resource: FhirResource): string[] {
  return Array.isArray(resource.category) ? resource.category.filter((c): c is string => typeof c === 'string') : []
}

function validateCategory (resource: FhirResource): ValidationIssue[] {
  const location = 'AllergyIntolerance.category'
  const category = resource.category
  if (category === undefined || (Array.isArray(category) && category.length === 0)) return [issue(location, MISSING)]
  if (!Array.isArray(category)) return [issue(location, 'Invalid element content - expected an array of codes')]
  const wrong = category.find((c) => typeof c !== 'string' || !CATEGORIES.includes(c))
  if (wrong !== undefined) return [issue(location, invalidCode(wrong, CATEGORIES))]
  // DrugReaction and OtherAllergen are told apart by category, so one record cannot be both.
  if (category.includes('medication') && category.length > 1) return [issue(location, 'Invalid element content - medication cannot be combined with other categories')]
  return []
}

function validateOptionalCode (resource: FhirResource, element: string, allowed: readonly string[]): ValidationIssue[] {
  const value = resource[element]
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return []
  return [issue(`AllergyIntolerance.${element}`, invalidCode(value, allowed))]
}

export const kjAllergyIntolerance = defineProfile({
  name: 'KjAllergyIntolerance',
  resourceType: 'AllergyIntolerance',
  kategori: 'OVER_REAK',
  criticalInfoTypes: ['DrugReaction', 'OtherAllergen'],
  patientElement: 'patient',
  status: clinicalStatusModel({
    clinicalSystem: ALLERGY_CLINICAL_SYSTEM,
    verificationSystem: ALLERGY_VERIFICATION_SYSTEM,
    verificationCodes: ['unconfirmed', 'confirmed', 'refuted', 'entered-in-error']
  }),
  // The only AllergyIntolerance profile: the type alone says it.
  matchesContent: () => true,
  criticalInfoTypeOf (resource): CriticalInfoType | undefined {
    const categories = categoriesOf(resource)
    if (categories.includes('medication')) return 'DrugReaction'
    return categories.some((c) => CATEGORIES.includes(c)) ? 'OtherAllergen' : undefined
  },
  validateContent: (resource) => [
    ...validateCategory(resource),
    ...checkConcept(resource, 'code'),
    ...validateOptionalCode(resource, 'criticality', CRITICALITIES),
    ...validateOptionalCode(resource, 'type', TYPES)
  ],
  identityOf: (resource) => ({ category: [...categoriesOf(resource)].sort(), code: conceptIdentity(resource.code) })
})
