/**
 * KjDeviceUseStatement: a mechanical implant such as a pacemaker, the device itself a contained
 * KjDevice (reference §2.5). R4's DeviceUseStatement has neither `category` nor `code`, and the
 * profile page names no category code, so it has none (8 is KjConsent); what the statement is
 * about is the device's type. `status` completed is refuted.
 */
import type { FhirResource, ValidationIssue } from '../types.js'
import { MISSING, issue } from './checks.js'
import { defineProfile } from './define.js'
import { arrayAt, conceptIdentity, isObject, stringAt } from './shared.js'
import { statusCodeModel } from './status-code.js'

export const DEVICE_PROFILE = 'http://nhn.no/kj/fhir/StructureDefinition/KjDevice'

/** The contained Device the statement points at, if it points at one. */
function containedDevice (resource: FhirResource): unknown {
  const reference = stringAt(resource.device, 'reference')
  if (reference?.startsWith('#') !== true) return undefined
  return arrayAt(resource, 'contained').find((c) => stringAt(c, 'id') === reference.slice(1))
}

function validateDevice (resource: FhirResource): ValidationIssue[] {
  const device = resource.device
  if (device === undefined) return [issue('DeviceUseStatement.device', MISSING)]
  if (!isObject(device)) return [issue('DeviceUseStatement.device', 'Invalid element content - expected a Reference')]
  const contained = containedDevice(resource)
  if (contained === undefined) return []
  if (stringAt(contained, 'resourceType') !== 'Device') return [issue('DeviceUseStatement.device', 'Invalid element content - the reference must point at a Device')]
  const type = (contained as Record<string, unknown>).type
  const named = conceptIdentity(type) !== null
  return named ? [] : [issue('DeviceUseStatement.contained.type', `${MISSING} - the implant's type`)]
}

export const kjDeviceUseStatement = defineProfile({
  name: 'KjDeviceUseStatement',
  resourceType: 'DeviceUseStatement',
  kategori: 'MEKANISK_IMPLANTAT', // [inferred]
  // A pacemaker is a foreign body: the implants of KjConditionTransplantsAndOtherForeignBodies'
  // search value, only mechanical [inferred].
  criticalInfoTypes: ['TransplantsAndOtherForeignBodies'],
  patientElement: 'subject',
  status: statusCodeModel({ active: 'active', refuted: 'completed' }),
  // The only DeviceUseStatement profile: the type alone says it.
  matchesContent: () => true,
  criticalInfoTypeOf: () => 'TransplantsAndOtherForeignBodies',
  validateContent: validateDevice,
  identityOf (resource) {
    const device = containedDevice(resource)
    return {
      code: device !== undefined ? conceptIdentity((device as Record<string, unknown>).type) : stringAt(resource.device, 'reference') ?? null
    }
  }
})
