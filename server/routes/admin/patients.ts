/**
 * `/__admin/patients`: the synthetic patients (fixtures and those added at run time); POST adds
 * one for every session through the world's verb, which also seeds the sessions and stores it.
 */
import type { FastifyPluginAsync } from 'fastify'
import { AdminError } from '../../domain/admin-error.js'
import { MAX_PATIENTS } from '../../domain/world-operations.js'
import { patientSchema } from '../../domain/world/patients.js'
import { durable } from './durable.js'
import { parse } from './parse.js'

const worldTag = { tags: ['reference data'] }

const patients: FastifyPluginAsync = async (app) => {
  const { sandbox } = app
  // The world object and its maps live as long as the sandbox (a fixture reload refills them in
  // place and keeps patients added here), so holding the map is safe.
  const patients = sandbox.world.patients

  app.get('/patients', { schema: { ...worldTag, summary: 'The synthetic patients: fixtures and those added at run time' } }, async () =>
    ({ total: patients.size, patients: [...patients.values()] }))

  app.get<{ Params: { nin: string } }>('/patients/:nin', { schema: { ...worldTag, summary: 'One patient' } }, async (request) => {
    const patient = patients.get(request.params.nin)
    if (patient === undefined) throw new AdminError(404, 'not_found', `no patient ${request.params.nin}; any other valid number is an ordinary patient with nothing registered`)
    return patient
  })

  app.post('/patients', { schema: { ...worldTag, summary: 'Add a patient for every session (fields as in fixtures/patients.json); 409 if the nin exists' } }, async (request, reply) => {
    const patient = parse(patientSchema, request.body, 'invalid patient')
    if (patients.has(patient.nin)) throw new AdminError(409, 'conflict', `patient ${patient.nin} exists; patients cannot be replaced at run time`)
    if (patients.size >= MAX_PATIENTS) throw new AdminError(409, 'limit_reached', `the sandbox holds at most ${MAX_PATIENTS} patients`)
    await durable(request, sandbox.operations.addPatient(patient))
    request.log.info({ nin: patient.nin }, 'patient added')
    return reply.code(201).header('location', `/__admin/patients/${patient.nin}`).send(patient)
  })
}

export default patients
