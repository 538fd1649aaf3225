/**
 * The four Condition profiles, told apart by their KJ category code (reference §2.5): 3/4
 * complications of anesthesia, 5 critical medical condition, 7 transplants and non-mechanical
 * implants, 10 infection (smitte). All share the Condition status encoding.
 */
import type { CriticalInfoType, FhirResource, ProfileDefinition, ProfileName, ValidationIssue } from '../types.js'
import type { CategoryCode } from './categories.js'
import { categoryIdentity, hasKjCategory, kjCategoryOf, validateKjCategory } from './category-coded.js'
import { checkCodeRepeatsCategory, checkConcept, issue } from './checks.js'
import { clinicalStatusModel } from './clinical-status.js'
import { defineProfile } from './define.js'
import { codingsOf, conceptIdentity, stringAt } from './shared.js'

export const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical'
export const CONDITION_VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status'

interface ConditionSpec {
  readonly name: ProfileName
  readonly kategori: string
  /** Each category code of the profile and the criticalInfoType its records answer to. */
  readonly categories: Readonly<Partial<Record<CategoryCode, CriticalInfoType>>>
  readonly validateContent?: (resource: FhirResource) => ValidationIssue[]
}

function conditionProfile (spec: ConditionSpec): ProfileDefinition {
  const codes = Object.keys(spec.categories) as CategoryCode[]
  const infoTypes = [...new Set(Object.values(spec.categories))]
  return defineProfile({
    name: spec.name,
    resourceType: 'Condition',
    kategori: spec.kategori,
    criticalInfoTypes: infoTypes,
    patientElement: 'subject',
    // Unlike AllergyIntolerance, a Condition cannot be 'unconfirmed' (reference §2.5).
    status: clinicalStatusModel({
      clinicalSystem: CONDITION_CLINICAL_SYSTEM,
      verificationSystem: CONDITION_VERIFICATION_SYSTEM,
      verificationCodes: ['confirmed', 'refuted', 'entered-in-error']
    }),
    matchesContent: (resource) => hasKjCategory(resource, codes),
    criticalInfoTypeOf (resource) {
      const code = kjCategoryOf(resource)
      return code !== undefined && Object.hasOwn(spec.categories, code) ? spec.categories[code as CategoryCode] : undefined
    },
    validateContent: (resource) => [
      ...validateKjCategory(resource, codes, false),
      ...checkConcept(resource, 'code'),
      ...checkCodeRepeatsCategory(resource, kjCategoryOf(resource)),
      ...(spec.validateContent?.(resource) ?? [])
    ],
    identityOf: (resource) => ({ category: categoryIdentity(resource), code: conceptIdentity(resource.code) })
  })
}

/** Intubasjonsproblem (3) and annet problem ved anestesi (4). */
export const kjConditionComplicationsOfAnesthesia = conditionProfile({
  name: 'KjConditionComplicationsOfAnesthesia',
  kategori: 'ANESTESI_KOMPL', // the fixtures' stand-in; not a published code
  categories: { 3: 'IntubationProblem', 4: 'OtherProblemWithAnesthesia' }
})

export const kjConditionCriticalMedicalCondition = conditionProfile({
  name: 'KjConditionCriticalMedicalCondition',
  kategori: 'KRITISK_TILSTAND', // the fixtures' stand-in; not a published code
  categories: { 5: 'CriticalMedicalCondition' }
})

/** Non-mechanical implants such as a transplanted kidney; mechanical ones are KjDeviceUseStatement. */
export const kjConditionTransplantsAndOtherForeignBodies = conditionProfile({
  name: 'KjConditionTransplantsAndOtherForeignBodies',
  kategori: 'IMPLANTAT', // [inferred]
  categories: { 7: 'TransplantsAndOtherForeignBodies' }
})

/**
 * "As of February 2025 … specification text should not be set for infection" (reference §2.5):
 * an infection is named by a coding alone.
 */
function validateInfectionCode (resource: FhirResource): ValidationIssue[] {
  if (resource.code === undefined) return []
  if (stringAt(resource.code, 'text') !== undefined) return [issue('Condition.code.text', 'Invalid element content - specification text is not allowed for infection')]
  if (codingsOf(resource.code).length === 0) return [issue('Condition.code.coding', 'Missing required element - an infection must be coded')]
  return []
}

export const kjConditionInfection = conditionProfile({
  name: 'KjConditionInfection',
  kategori: 'SMITTE', // [inferred]
  categories: { 10: 'Infection' },
  validateContent: validateInfectionCode
})
