/**
 * The scenario engine: every request (admin only when a rule names it) passes the session's
 * active scenarios in a root preHandler, after the body is parsed and before the route runs.
 * Errors are thrown as KjError / OAuthError, so each face renders them in its own shape; faults
 * that must not answer at all cut the socket; body changes happen in onSend. Also the two
 * per-request headers: X-Sandbox-Scenario (extra scenarios for this request) and
 * X-Sandbox-Force-Error (this request answers that code, nothing else is consulted).
 */
import { access } from 'node:fs/promises'
import type { Socket } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ConfigError } from '../config.js'
import { catalogueEntry, isErrorCode } from '../domain/error-catalogue.js'
import { OAuthError, type OAuthErrorCode } from '../domain/helseid/oauth-error.js'
import type { FiredRule } from '../domain/journal/entry.js'
import { firedRules } from '../domain/journal/fired-rules.js'
import { KjError } from '../domain/kj-error.js'
import { builtInScenariosDir } from '../paths.js'
import { dribble, malformedBody, overrideJson } from '../domain/scenarios/answer-changes.js'
import { evaluate, type Action, type Firing } from '../domain/scenarios/engine.js'
import { faceOf, type Face } from '../domain/faces.js'
import { headerValue, requestFacts } from '../domain/scenarios/facts.js'
import { ScenarioRegistry } from '../scenario-files/registry.js'
import { sessionSeed } from '../domain/scenarios/runtime.js'
import type { Scenario } from '../domain/scenarios/scenario.js'
import { OAUTH_ERROR_CODES } from '../domain/scenarios/schema.js'
import { AdminError } from '../domain/admin-error.js'

export interface ScenarioHost {
  readonly registry: ScenarioRegistry
  /** The scenario names every session starts with (SCENARIOS). */
  readonly startSet: readonly string[]
  /** What `delay` awaits; tests replace it to see the wait without waiting. */
  sleep: (ms: number) => Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    scenarios: ScenarioHost
  }
}

export const SCENARIO_HEADER = 'x-sandbox-scenario'
export const FORCE_ERROR_HEADER = 'x-sandbox-force-error'
export const FORCE_DIAGNOSTICS_HEADER = 'x-sandbox-force-diagnostics'

/** What fired for a request, kept until the journal has read it (weak: nothing to clean up). */
const firings = new WeakMap<FastifyRequest, { readonly fired: readonly Firing[], readonly winner?: Firing }>()

/** `?ticket=` of a portal URL, form-decoded as the portal reads it. */
function queryTicket (url: string): string | undefined {
  const at = url.indexOf('?')
  if (at === -1 || faceOf(url) !== 'portal') return undefined
  return new URLSearchParams(url.slice(at + 1)).get('ticket') ?? undefined
}

/** The scenario rules that fired for a request; empty when none did. */
export function scenarioFirings (request: FastifyRequest): readonly Firing[] {
  return firings.get(request)?.fired ?? []
}

/** The same as the journal records it, with the rule that decided the answer; undefined when none fired. */
export function journalFirings (request: FastifyRequest): FiredRule[] | undefined {
  const seen = firings.get(request)
  return seen === undefined ? undefined : firedRules(seen.fired, seen.winner)
}

export function scenarioNames (list: string | undefined): string[] {
  // Most requests name no scenario: no split, no set.
  if (list === undefined || list === '') return []
  return [...new Set(list.split(',').map((n) => n.trim()).filter((n) => n !== ''))]
}

/** Header mistakes answer in the admin shape on every face: they are the tester's, not the EHR's. */
function refuse (reply: FastifyReply, code: string, message: string): FastifyReply {
  return reply.code(400).type('application/json; charset=utf-8').send({ error: code, message })
}

function isOAuthCode (code: string): code is OAuthErrorCode {
  return (OAUTH_ERROR_CODES as readonly string[]).includes(code)
}

/** The HTTP status an OAuth error gets: HelseID answers server errors with 500. */
function oauthError (code: OAuthErrorCode, description: string | undefined, status?: number): OAuthError {
  const statusCode = status ?? (code === 'server_error' ? 500 : undefined)
  return new OAuthError(code, description ?? `${code} (sandbox scenario)`, statusCode !== undefined ? { statusCode } : {})
}

function forcedError (face: Face | 'other', code: string, diagnostics: string | undefined): Error | string {
  if (face === 'helseid') {
    return isOAuthCode(code) ? oauthError(code, diagnostics) : `on the HelseID face ${FORCE_ERROR_HEADER} takes an OAuth error code: ${OAUTH_ERROR_CODES.join(', ')}`
  }
  return isErrorCode(code) ? new KjError(code, diagnostics) : `'${code}' is not in the error catalogue (see the README's error codes)`
}

/** Answers nothing: the connection is reset (RST) or closed (FIN) before a byte is sent. */
function cutConnection (request: FastifyRequest, reply: FastifyReply, fault: 'reset' | 'empty'): FastifyReply {
  reply.hijack()
  // inject() has a stand-in socket without these; destroying the response ends its call.
  const socket = request.raw.socket as Partial<Socket>
  if (fault === 'reset' && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
  else if (typeof socket.destroy === 'function') socket.destroy()
  if (!reply.raw.destroyed) reply.raw.destroy()
  return reply
}

function errorFor (face: Face | 'other', action: Extract<Action, { kind: 'error' }>): Error {
  if (face !== 'admin') return new KjError(action.code, action.diagnostics, action.location)
  const entry = catalogueEntry(action.code)
  return new AdminError(entry.httpStatus, action.code, action.diagnostics ?? entry.text)
}

export default fp(async (app) => {
  const { config } = app.sandbox
  const dir = config.SCENARIOS_DIR ?? builtInScenariosDir
  // SCENARIOS_MODE=add: the folder adds to the built-in pack, so a missing one costs nothing but a warning.
  const adding = config.SCENARIOS_DIR !== undefined && config.SCENARIOS_MODE === 'add'
  const unreadable = await access(dir).then(() => undefined, (err: NodeJS.ErrnoException) => err.code ?? err.message)
  if (unreadable !== undefined && !adding) throw new ConfigError(`Invalid setting SCENARIOS_DIR=${JSON.stringify(dir)}: cannot be read (${unreadable})`)
  const registry = new ScenarioRegistry(dir, app.log, adding ? builtInScenariosDir : undefined)
  await registry.reload()
  if (unreadable !== undefined) app.log.warn(`SCENARIOS_DIR ${dir} cannot be read (${unreadable}): only the built-in scenarios are served`)
  else if (config.SCENARIOS_DIR !== undefined && registry.fileCount === 0 && registry.errors().length === 0) {
    app.log.warn(`SCENARIOS_DIR ${dir} holds no scenario file: ${adding ? 'only the built-in scenarios are served' : 'no scenario is loaded'}`)
  }
  const startSet = scenarioNames(config.SCENARIOS)
  const unknown = startSet.filter((n) => registry.get(n) === undefined)
  if (unknown.length > 0) {
    const broken = registry.errors().map((e) => e.file).join(', ')
    throw new ConfigError(`Invalid setting SCENARIOS=${JSON.stringify(config.SCENARIOS)}: no scenario ${unknown.map((n) => `'${n}'`).join(', ')} in ${dir}${broken !== '' ? ` (broken files: ${broken})` : ''}`)
  }
  if (unreadable === undefined) registry.watch()
  app.addHook('onClose', async () => { registry.close() })
  const host: ScenarioHost = { registry, startSet, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }
  app.decorate('scenarios', host)

  /** Body changes decided in preHandler, applied in onSend. */
  const pending = new WeakMap<FastifyRequest, Action>()

  const ticketPatient = async (request: FastifyRequest, scenarios: readonly Scenario[]): Promise<string | undefined> => {
    // The ticket-based FHIR face carries the ticket in a header, the portal page in its query.
    const ticket = headerValue(request.headers, 'x-kj-ticket') ?? queryTicket(request.url)
    if (ticket === undefined || !scenarios.some((s) => s.rules.some((r) => r.rule.when?.patient !== undefined))) return undefined
    // Expired tickets still name their patient: now 0 skips the expiry check.
    return app.sandbox.tickets.open(ticket, { now: 0 }).then((claims) => claims.nin, () => undefined)
  }

  /** The scenarios that may fire on this request, or an answer already given (forced errors, unknown names). */
  const applicable = (request: FastifyRequest, reply: FastifyReply, face: ReturnType<typeof faceOf>): Scenario[] | 'answered' => {
    const session = request.sandboxSession
    const runtime = session.scenarios
    // Once per session; the seed's hash of the session id is not worth paying on every request.
    if (!runtime.started) runtime.start(startSet, sessionSeed(config.SEED, session.id))
    let extra: string[] = []
    if (face !== 'admin') {
      const forced = headerValue(request.headers, FORCE_ERROR_HEADER)?.trim()
      if (forced !== undefined && forced !== '') {
        const error = forcedError(face, forced, headerValue(request.headers, FORCE_DIAGNOSTICS_HEADER))
        if (typeof error !== 'string') throw error
        refuse(reply, 'unknown_code', error)
        return 'answered'
      }
      extra = scenarioNames(headerValue(request.headers, SCENARIO_HEADER))
      const missing = extra.filter((n) => registry.get(n) === undefined)
      if (missing.length > 0) {
        refuse(reply, 'unknown_scenario', `${SCENARIO_HEADER}: no scenario ${missing.map((n) => `'${n}'`).join(', ')}; GET /__admin/scenarios lists them`)
        return 'answered'
      }
    }
    const active = runtime.active()
    if (active.length === 0 && extra.length === 0) return []
    return [...new Set([...active, ...extra])]
      .map((name) => registry.get(name)).filter((s): s is Scenario => s !== undefined)
  }

  const fire = async (request: FastifyRequest, reply: FastifyReply, face: ReturnType<typeof faceOf>, scenarios: readonly Scenario[]): Promise<void> => {
    const runtime = request.sandboxSession.scenarios
    const facts = requestFacts({ url: request.url, method: request.method, headers: request.headers, body: request.body, ticketPatient: await ticketPatient(request, scenarios) })
    const { winner, fired } = evaluate(scenarios, facts, runtime)
    if (fired.length > 0) firings.set(request, { fired, ...(winner !== undefined && { winner }) })
    for (const f of fired) request.log.info({ scenario: f.scenario, rule: f.rule, ruleName: f.ruleName, step: f.step }, 'scenario rule fired')
    if (winner === undefined) return
    const { delayMs, action } = winner.outcome
    if (delayMs !== undefined && delayMs > 0) await host.sleep(delayMs)
    if (action === undefined) return
    switch (action.kind) {
      case 'error': throw errorFor(face, action)
      case 'oauthError': throw oauthError(action.code, action.description, action.status)
      case 'fault':
        if (action.fault === 'reset' || action.fault === 'empty') cutConnection(request, reply, action.fault)
        else pending.set(request, action)
        return
      case 'override':
        pending.set(request, action)
    }
  }

  // A callback hook in front: on most requests no scenario applies and nothing needs a promise.
  app.addHook('preHandler', (request, reply, done) => {
    let scenarios: Scenario[] | 'answered'
    const face = faceOf(request.url)
    try {
      scenarios = applicable(request, reply, face)
    } catch (err) {
      done(err as Error)
      return
    }
    if (scenarios === 'answered' || scenarios.length === 0) {
      done()
      return
    }
    fire(request, reply, face, scenarios).then(() => { done() }, done)
  })

  const changedAnswer = (action: Action, reply: FastifyReply, payload: string | Buffer): unknown => {
    if (action.kind === 'override') {
      const json = /json/i.test(String(reply.getHeader('content-type') ?? ''))
      const changed = reply.statusCode < 400 && json ? overrideJson(payload.toString(), action.fields) : undefined
      if (changed === undefined) return payload
      reply.removeHeader('content-length')
      return changed
    }
    if (action.kind !== 'fault') return payload
    reply.removeHeader('content-length')
    return action.fault === 'dribble' ? dribble(payload, action.dribbleMs) : malformedBody(payload)
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    const action = pending.get(request)
    if (action === undefined || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      done(null, payload)
      return
    }
    pending.delete(request)
    done(null, changedAnswer(action, reply, payload))
  })
}, { name: 'scenario-engine', fastify: '5.x', dependencies: ['sandbox'] })
