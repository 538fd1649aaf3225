/**
 * /__admin/scenarios: what is loaded (and what failed to load), and this session's use of it:
 * activate, deactivate, set a scenario's state, reset; plus adding a scenario at run time.
 * Loaded scenarios are shared by all sessions; activation, state and counters are the session's.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ScenarioRuntime } from '../../domain/scenarios/runtime.js'
import { compileScenario, type Scenario } from '../../domain/scenarios/scenario.js'
import { scenarioSchema } from '../../domain/scenarios/schema.js'
import { AdminError } from '../../domain/admin-error.js'
import { describeLazily } from '../../openapi/lazy.js'
import { jsonSchemaOf } from '../../openapi/zod.js'

/** The answer of `scenarioView`, for the OpenAPI document. */
const SCENARIO_SCHEMA = {
  type: 'object',
  required: ['name', 'description', 'file', 'rules', 'active', 'state'],
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    file: { type: ['string', 'null'], description: 'The file it was loaded from; null when added through the API' },
    rules: { type: 'integer', description: 'How many rules it has' },
    active: { type: 'boolean', description: 'Active in this session' },
    state: { type: 'string', description: "The scenario's state in this session (rules may require or set one)" }
  }
}
const SCENARIO_EXAMPLE = { name: 'helseindikator-status-4', description: 'Every helseindikator answers status 4', file: 'helseindikator-status-4.yaml', rules: 1, active: true, state: 'Started' }
const LISTING_SCHEMA = {
  type: 'object',
  required: ['active', 'scenarios', 'errors'],
  properties: {
    active: { type: 'array', items: { type: 'string' }, description: 'Active in this session, in activation order' },
    scenarios: { type: 'array', items: SCENARIO_SCHEMA },
    errors: {
      type: 'array',
      description: 'Scenario files that failed to load',
      items: { type: 'object', required: ['file', 'field', 'message'], properties: { file: { type: 'string' }, field: { type: 'string' }, message: { type: 'string' } } }
    }
  }
}
/** After deactivate, a scenario whose file is gone has only its name left. */
const DEACTIVATED_SCHEMA = { anyOf: [SCENARIO_SCHEMA, { type: 'object', required: ['name', 'active'], properties: { name: { type: 'string' }, active: { const: false } } }] }
const NAME_PARAM = { name: { type: 'string', description: 'The scenario name' } }
const tag = ['sandbox control']
const scenarioAnswer = (description: string) => ({ 200: { description, schema: SCENARIO_SCHEMA, example: SCENARIO_EXAMPLE } })

function scenarioView (scenario: Scenario, runtime: ScenarioRuntime) {
  return {
    name: scenario.name,
    description: scenario.description,
    file: scenario.file ?? null,
    rules: scenario.rules.length,
    active: runtime.isActive(scenario.name),
    state: runtime.stateOf(scenario)
  }
}

const stateBody = z.object({ state: z.string().min(1).max(100) }).strict()

type Named = FastifyRequest<{ Params: { name: string } }>

const scenarios: FastifyPluginAsync = async (app) => {
  const { registry } = app.scenarios

  const known = (request: Named): Scenario => {
    const scenario = registry.get(request.params.name)
    if (scenario === undefined) throw new AdminError(404, 'not_found', `no scenario '${request.params.name}'; GET /__admin/scenarios lists them`)
    return scenario
  }

  const listing = (request: FastifyRequest) => {
    const runtime = request.sandboxSession.scenarios
    return {
      active: runtime.active(),
      scenarios: registry.list().map((s) => scenarioView(s, runtime)),
      errors: registry.errors()
    }
  }

  app.get('/scenarios', {
    schema: describeLazily(() => ({ tags: tag, summary: 'The loaded scenarios, which are active in this session, and files that failed to load', responses: { 200: { description: 'The listing', schema: LISTING_SCHEMA } } }))
  }, async (request) => listing(request))

  app.get<{ Params: { name: string } }>('/scenarios/:name', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'One scenario, with its definition',
      params: NAME_PARAM,
      responses: {
        200: {
          description: 'The scenario',
          schema: { ...SCENARIO_SCHEMA, required: [...SCENARIO_SCHEMA.required, 'definition'], properties: { ...SCENARIO_SCHEMA.properties, definition: jsonSchemaOf(scenarioSchema, 'output') } }
        }
      }
    }))
  }, async (request) => {
    const scenario = known(request)
    return { ...scenarioView(scenario, request.sandboxSession.scenarios), definition: scenario.definition }
  })

  app.post<{ Params: { name: string } }>('/scenarios/:name/activate', {
    schema: describeLazily(() => ({ tags: tag, summary: 'Activate a scenario in this session; no body', params: NAME_PARAM, responses: scenarioAnswer('The scenario, now active') }))
  }, async (request) => {
    const scenario = known(request)
    request.sandboxSession.scenarios.activate(scenario.name)
    return scenarioView(scenario, request.sandboxSession.scenarios)
  })

  app.post<{ Params: { name: string } }>('/scenarios/:name/deactivate', {
    schema: describeLazily(() => ({ tags: tag, summary: 'Deactivate a scenario in this session; no body', params: NAME_PARAM, responses: { 200: { description: 'The scenario, now inactive', schema: DEACTIVATED_SCHEMA } } }))
  }, async (request) => {
    const runtime = request.sandboxSession.scenarios
    // A scenario whose file is gone may still be active; it can always be switched off.
    if (runtime.deactivate(request.params.name) && registry.get(request.params.name) === undefined) {
      return { name: request.params.name, active: false }
    }
    return scenarioView(known(request), runtime)
  })

  app.put<{ Params: { name: string } }>('/scenarios/:name/state', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: "Set a scenario's state in this session",
      params: NAME_PARAM,
      body: { media: 'application/json', schema: jsonSchemaOf(stateBody), example: { state: 'second-call' } },
      responses: scenarioAnswer('The scenario in its new state')
    }))
  }, async (request) => {
    const scenario = known(request)
    const { state } = stateBody.parse(request.body ?? {})
    request.sandboxSession.scenarios.setState(scenario, state)
    return scenarioView(scenario, request.sandboxSession.scenarios)
  })

  app.post('/scenarios/reset', {
    schema: describeLazily(() => ({ tags: tag, summary: "Reset this session's scenarios: active ones and states back to the session's start; no body", responses: { 200: { description: 'The listing after the reset', schema: LISTING_SCHEMA } } }))
  }, async (request) => {
    request.sandboxSession.scenarios.reset()
    return listing(request)
  })

  app.post('/scenarios', {
    schema: describeLazily(() => ({
      tags: tag,
      summary: 'Add a scenario for every session (a scenario file\'s content as JSON); the same name replaces one added this way',
      body: {
        media: 'application/json',
        schema: jsonSchemaOf(scenarioSchema, 'input'),
        example: { name: 'ping-fails', rules: [{ when: { path: '/v1/ping' }, then: { error: 'KJS-000077' } }] }
      },
      responses: {
        200: { description: 'Replaced', schema: SCENARIO_SCHEMA },
        201: { description: 'Added', schema: SCENARIO_SCHEMA, headers: { location: { type: 'string', description: 'Its URL' } } }
      }
    }))
  }, async (request, reply) => {
    const result = compileScenario(request.body)
    if (!result.ok) {
      const message = result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')
      throw new AdminError(400, 'invalid_scenario', message, result.problems)
    }
    let outcome: 'created' | 'replaced'
    try {
      outcome = registry.add(result.scenario)
    } catch (err) {
      throw new AdminError(409, 'conflict', (err as Error).message)
    }
    request.log.info({ scenario: result.scenario.name }, `scenario ${outcome} through the admin API`)
    return reply.code(outcome === 'created' ? 201 : 200)
      .header('location', `/__admin/scenarios/${encodeURIComponent(result.scenario.name)}`)
      .send(scenarioView(result.scenario, request.sandboxSession.scenarios))
  })
}

export default scenarios
