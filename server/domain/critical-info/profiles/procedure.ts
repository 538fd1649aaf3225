/**
 * KjProcedure: pågående behandling (category 6), ongoing treatment such as dialysis or waiting
 * for a transplant. `status` in-progress is active, completed refuted (reference §2.5).
 */
import { categoryIdentity, hasKjCategory, validateKjCategory } from './category-coded.js'
import { checkCodeRepeatsCategory, checkConcept } from './checks.js'
import { defineProfile } from './define.js'
import { conceptIdentity } from './shared.js'
import { statusCodeModel } from './status-code.js'

export const kjProcedure = defineProfile({
  name: 'KjProcedure',
  resourceType: 'Procedure',
  kategori: 'BEHANDLING', // [inferred]
  // None of the seven documented criticalInfoType values names ongoing treatment
  // (TransplantsAndOtherForeignBodies is about what is in the body, not what is done to it), so
  // no criticalInfoType search selects a Procedure; GET /Procedure without one lists them.
  criticalInfoTypes: [],
  patientElement: 'subject',
  status: statusCodeModel({ active: 'in-progress', refuted: 'completed' }),
  matchesContent: (resource) => hasKjCategory(resource, ['6']),
  criticalInfoTypeOf: () => undefined,
  // Procedure.category is a single CodeableConcept in R4.
  validateContent: (resource) => [
    ...validateKjCategory(resource, ['6'], true),
    ...checkConcept(resource, 'code'),
    ...checkCodeRepeatsCategory(resource, '6')
  ],
  identityOf: (resource) => ({ category: categoryIdentity(resource), code: conceptIdentity(resource.code) })
})
