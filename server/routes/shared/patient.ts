/**
 * The patient a critical-information request is about, from the synthetic world (any other
 * valid number is an ordinary patient); one who is not active in the population register is
 * refused (KJF-000017). Shared by both FHIR faces.
 */
import type { FastifyRequest } from 'fastify'
import { KjError } from '../../domain/kj-error.js'
import { ordinaryPatient, type Patient } from '../../domain/world/patients.js'

export function patientOf (request: FastifyRequest, nin: string): Patient {
  const patient = request.server.sandbox.world.patients.get(nin) ?? ordinaryPatient(nin)
  if (patient.status !== 'active') throw new KjError('KJF-000017', `the patient's status in the population register is ${patient.status}`)
  return patient
}
