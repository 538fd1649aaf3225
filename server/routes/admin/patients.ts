/**
 * `/__admin/patients`: the synthetic patients (fixtures and those added at run time); POST adds
 * one for every session through the world's verb, which also seeds the sessions and stores it.
 */
import type { FastifyPluginAsync } from 'fastify'
import { AdminError } from '../../domain/admin-error.js'
import { MAX_PATIENTS } from '../../domain/world-operations.js'
import { patientSchema } from '../../domain/world/patients.js'
import { describeLazily, once } from '../../openapi/lazy.js'
import { jsonSchemaOf } from '../../openapi/zod.js'
import { durable } from './durable.js'
import { parse } from './parse.js'

const worldTag = ['reference data']

/** A patient as the world holds it (defaults filled in), and as POST takes it. */
const PATIENT = once(() => jsonSchemaOf(patientSchema, 'output'))
const EXAMPLE = { nin: '24868510168', givenName: 'Kari', familyName: 'Nordmann' }

const patients: FastifyPluginAsync = async (app) => {
  const { sandbox } = app
  // The world object and its maps live as long as the sandbox (a fixture reload refills them in
  // place and keeps patients added here), so holding the map is safe.
  const patients = sandbox.world.patients

  app.get('/patients', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'The synthetic patients: fixtures and those added at run time',
      responses: { 200: { description: 'Every patient', schema: { type: 'object', required: ['total', 'patients'], properties: { total: { type: 'integer' }, patients: { type: 'array', items: PATIENT() } } } } }
    }))
  }, async () =>
    ({ total: patients.size, patients: [...patients.values()] }))

  app.get<{ Params: { nin: string } }>('/patients/:nin', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'One patient',
      params: { nin: { type: 'string', pattern: '^\\d{11}$', description: 'The national identity number' } },
      responses: { 200: { description: 'The patient', schema: PATIENT() } }
    }))
  }, async (request) => {
    const patient = patients.get(request.params.nin)
    if (patient === undefined) throw new AdminError(404, 'not_found', `no patient ${request.params.nin}; any other valid number is an ordinary patient with nothing registered`)
    return patient
  })

  app.post('/patients', {
    schema: describeLazily(() => ({
      tags: worldTag,
      summary: 'Add a patient for every session (fields as in fixtures/patients.json); 409 if the nin exists',
      body: { media: 'application/json', schema: jsonSchemaOf(patientSchema, 'input'), example: EXAMPLE },
      responses: { 201: { description: 'The patient as added', schema: PATIENT(), headers: { location: { type: 'string', description: 'Its URL' } } } }
    }))
  }, async (request, reply) => {
    const patient = parse(patientSchema, request.body, 'invalid patient')
    if (patients.has(patient.nin)) throw new AdminError(409, 'conflict', `patient ${patient.nin} exists; patients cannot be replaced at run time`)
    if (patients.size >= MAX_PATIENTS) throw new AdminError(409, 'limit_reached', `the sandbox holds at most ${MAX_PATIENTS} patients`)
    await durable(request, sandbox.operations.addPatient(patient))
    request.log.info({ nin: patient.nin }, 'patient added')
    return reply.code(201).header('location', `/__admin/patients/${patient.nin}`).send(patient)
  })
}

export default patients
