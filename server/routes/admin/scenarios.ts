/**
 * /__admin/scenarios: what is loaded (and what failed to load), and this session's use of it:
 * activate, deactivate, set a scenario's state, reset; plus adding a scenario at run time.
 * Loaded scenarios are shared by all sessions; activation, state and counters are the session's.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ScenarioRuntime } from '../../domain/scenarios/runtime.js'
import { compileScenario, type Scenario } from '../../domain/scenarios/scenario.js'
import { AdminError } from '../../domain/admin-error.js'

function describe (scenario: Scenario, runtime: ScenarioRuntime) {
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
      scenarios: registry.list().map((s) => describe(s, runtime)),
      errors: registry.errors()
    }
  }

  app.get('/scenarios', async (request) => listing(request))

  app.get<{ Params: { name: string } }>('/scenarios/:name', async (request) => {
    const scenario = known(request)
    return { ...describe(scenario, request.sandboxSession.scenarios), definition: scenario.definition }
  })

  app.post<{ Params: { name: string } }>('/scenarios/:name/activate', async (request) => {
    const scenario = known(request)
    request.sandboxSession.scenarios.activate(scenario.name)
    return describe(scenario, request.sandboxSession.scenarios)
  })

  app.post<{ Params: { name: string } }>('/scenarios/:name/deactivate', async (request) => {
    const runtime = request.sandboxSession.scenarios
    // A scenario whose file is gone may still be active; it can always be switched off.
    if (runtime.deactivate(request.params.name) && registry.get(request.params.name) === undefined) {
      return { name: request.params.name, active: false }
    }
    return describe(known(request), runtime)
  })

  app.put<{ Params: { name: string } }>('/scenarios/:name/state', async (request) => {
    const scenario = known(request)
    const { state } = stateBody.parse(request.body ?? {})
    request.sandboxSession.scenarios.setState(scenario, state)
    return describe(scenario, request.sandboxSession.scenarios)
  })

  app.post('/scenarios/reset', async (request) => {
    request.sandboxSession.scenarios.reset()
    return listing(request)
  })

  app.post('/scenarios', async (request, reply) => {
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
      .send(describe(result.scenario, request.sandboxSession.scenarios))
  })
}

export default scenarios
