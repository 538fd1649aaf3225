/**
 * The single `status` code of Procedure, DeviceUseStatement and Flag: one code means active,
 * one refuted (completed/inactive), and entered-in-error deleted (reference §2.5).
 */
import type { FhirResource } from '../types.js'
import { MISSING, invalidCode, issue } from './checks.js'
import { copyOf } from './shared.js'
import { ENTERED_IN_ERROR, type StatusModel } from './status-model.js'

export function statusCodeModel (options: { readonly active: string, readonly refuted: string }): StatusModel {
  const allowed = [options.active, options.refuted, ENTERED_IN_ERROR]
  return {
    elements: ['status'],
    validate (resource: FhirResource) {
      const location = `${resource.resourceType}.status`
      if (resource.status === undefined) return [issue(location, MISSING)]
      return allowed.includes(resource.status as string) ? [] : [issue(location, invalidCode(resource.status, allowed))]
    },
    isActive: (resource) => resource.status === options.active,
    isDeleted: (resource) => resource.status === ENTERED_IN_ERROR,
    markDeleted (resource) {
      const copy = copyOf(resource)
      copy.status = ENTERED_IN_ERROR
      return copy
    }
  }
}
