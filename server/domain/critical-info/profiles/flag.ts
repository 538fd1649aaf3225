/**
 * KjFlag: annen prosedyreendring (category 9), a changed routine that care must follow, valid
 * until `period.end` ("Gyldig til"). `status` inactive is refuted (reference §2.5).
 */
import type { FhirResource, ValidationIssue } from '../types.js'
import { categoryIdentity, hasKjCategory, validateKjCategory } from './category-coded.js'
import { checkCodeRepeatsCategory, checkConcept, issue } from './checks.js'
import { defineProfile } from './define.js'
import { conceptIdentity, isObject, stringAt } from './shared.js'
import { statusCodeModel } from './status-code.js'

function validatePeriod (resource: FhirResource): ValidationIssue[] {
  const period = resource.period
  if (period === undefined) return []
  if (!isObject(period)) return [issue('Flag.period', 'Invalid element content - expected a Period')]
  const start = stringAt(period, 'start')
  const end = stringAt(period, 'end')
  for (const [key, value] of [['start', start], ['end', end]] as const) {
    if (period[key] !== undefined && (value === undefined || Number.isNaN(Date.parse(value)))) {
      return [issue(`Flag.period.${key}`, 'Invalid element content - expected a dateTime')]
    }
  }
  if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) {
    return [issue('Flag.period', 'Invalid element content - period.end is before period.start')]
  }
  return []
}

export const kjFlag = defineProfile({
  name: 'KjFlag',
  resourceType: 'Flag',
  kategori: 'PROSEDYRE', // [inferred]
  // A changed procedure is none of the seven documented criticalInfoType values.
  criticalInfoTypes: [],
  patientElement: 'subject',
  status: statusCodeModel({ active: 'active', refuted: 'inactive' }),
  matchesContent: (resource) => hasKjCategory(resource, ['9']),
  criticalInfoTypeOf: () => undefined,
  validateContent: (resource) => [
    ...validateKjCategory(resource, ['9'], false),
    ...checkConcept(resource, 'code'),
    ...checkCodeRepeatsCategory(resource, '9'),
    ...validatePeriod(resource)
  ],
  identityOf: (resource) => ({ category: categoryIdentity(resource), code: conceptIdentity(resource.code) })
})
