/**
 * Records every request and its answer in the session's journal and coverage (see
 * server/domain/journal). `onSend` only keeps a reference to the answer body when it will be
 * needed (error answers, helseindikator answers); the rest happens in `onResponse`, after the
 * answer has left, so the client never waits for the journal. The sandbox's own control and
 * documentation routes are not journaled: the journal is about what EHRs did.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify'
import { answerCode, helseindikatorFacts, readHelseindikator } from '../domain/journal/answer.js'
import type { JournalFace } from '../domain/journal/entry.js'
import { entryOf, heldBytes, heldHeaders, type Exchange } from '../domain/journal/exchange.js'
import { faceOf } from '../domain/faces.js'
import { SANDBOX_HINT_HEADER } from '../faces/renderer.js'
import { journalFirings } from './scenario-engine.js'
import { usedDefaultChildOrganisation } from './token-journal.js'
import { requestFindings } from '../domain/readiness/request-findings.js'
import type { CoverageSituation } from '../domain/journal/coverage.js'

const NOT_JOURNALED = ['/__admin', '/__dashboard', '/docs', '/openapi.json']
const HELSEINDIKATOR_ROUTES = new Set(['/v1/helseindikator', '/v1/helseindikator/status'])
/** Exchanges holding more than this (budget units, see exchange.ts) are built when recorded. */
const BUILD_NOW_BYTES = 48 * 1024

declare module 'fastify' {
  interface FastifyRequest {
    /** The answer body as sent, kept from onSend to onResponse when the journal will need it. */
    journalPayload: string | null
    /**
     * A REST answer's body as the route sent it, and its JSON text (faces/rest.ts). When the text
     * is what went out, the journal reads a helseindikator status from the object instead of
     * parsing the text again; a scenario that changed the answer makes them differ.
     */
    sentBody: object | null
    sentText: string | null
  }
}

function journaled (url: string): boolean {
  // `/` is the dashboard page (server/routes/dashboard).
  return !(url === '/' || url.startsWith('/?') || NOT_JOURNALED.some((prefix) => url.startsWith(prefix)))
}

/** The sandbox's own API is not what the journal is about: should it ever be journaled, it is 'other'. */
function journalFace (url: string): JournalFace {
  const face = faceOf(url)
  return face === 'admin' ? 'other' : face
}

function contentLength (request: FastifyRequest): number | undefined {
  const length = Number(request.headers['content-length'])
  return Number.isInteger(length) && length >= 0 ? length : undefined
}

/** An answer this slow is worth having met once: EHR timeouts and spinners live here. */
const SLOW_MS = 1000

function situationsOf (request: FastifyRequest, elapsedMs: number, effects: readonly string[]): CoverageSituation[] {
  const situations: CoverageSituation[] = []
  for (const name in request.headers) {
    if (name.startsWith('kj-samtykke-') || name === 'nhn-access-basis') {
      situations.push('consent-headers')
      break
    }
  }
  if (elapsedMs >= SLOW_MS || effects.some((effect) => effect.includes('delay'))) situations.push('slow-answer')
  return situations
}

function record (request: FastifyRequest, reply: FastifyReply): void {
  const session = request.sandboxSession
  // Requests refused before the sandbox's onRequest hook ran (malformed URLs) have no session.
  if (session === null || session === undefined) return
  const elapsedMs = reply.elapsedTime
  const route = request.routeOptions.url ?? null
  const face = journalFace(request.url)
  const status = reply.statusCode
  const payload = request.journalPayload ?? undefined
  request.journalPayload = null
  const answerHeaders = reply.getHeaders()
  const code = answerCode({ face, status, errorCodeHeader: answerHeaders['nhn-error-code'], wwwAuthenticate: answerHeaders['www-authenticate'], payload })
  const indicator = route !== null && HELSEINDIKATOR_ROUTES.has(route) && status === 200 && payload !== undefined
    ? (payload === request.sentText ? helseindikatorFacts(request.sentBody) : readHelseindikator(payload))
    : undefined
  const scenarioRules = journalFirings(request)
  const hint = answerHeaders[SANDBOX_HINT_HEADER]
  // Every field, absent ones as undefined: one object shape for every request.
  const exchange: Exchange = {
    timeMs: Math.round(session.clock.now() - elapsedMs),
    eventId: request.eventId,
    method: request.method,
    url: request.url,
    route,
    face,
    status,
    code,
    elapsedMs,
    requestHeaders: heldHeaders(request.headers),
    requestBody: request.body,
    contentLength: contentLength(request),
    answerHeaders,
    payload,
    // Not the parsed answer: the payload is held anyway, and the answer is read again if built.
    indicator: indicator === undefined ? undefined : { status: indicator.status, ticket: indicator.ticket },
    scenarioRules,
    defaultChildOrganisation: usedDefaultChildOrganisation(request),
    sandboxHint: typeof hint === 'string' ? hint : undefined,
    findings: requestFindings(request)
  }
  const bytes = heldBytes(exchange)
  // A large exchange is built now, so the journal never holds a large request whole.
  if (bytes > BUILD_NOW_BYTES) session.journal.record(entryOf(exchange))
  else session.journal.recordUnbuilt({ bytes, build: () => entryOf(exchange) })
  const situations = situationsOf(request, elapsedMs, scenarioRules?.map((r) => r.effect) ?? [])
  session.coverage.record({
    endpoint: route === null ? null : `${request.method} ${route}`,
    face,
    status,
    code,
    ...(indicator !== undefined && { helseindikatorStatus: indicator.status }),
    ...(situations.length > 0 && { situations })
  })
}

const capture: onSendHookHandler = (request, reply, payload, done) => {
  // The URL test first: Fastify builds a new routeOptions object on every read.
  if (typeof payload === 'string' && journaled(request.url) &&
    (reply.statusCode >= 400 || (request.url.includes('/helseindikator') && HELSEINDIKATOR_ROUTES.has(request.routeOptions.url ?? '')))) {
    request.journalPayload = payload
  }
  done(null, payload)
}

export default fp(async (app) => {
  app.decorateRequest('journalPayload', null)
  app.decorateRequest('sentBody', null)
  app.decorateRequest('sentText', null)
  // Instance-level for answers without a route (404s), and route-level for every route: a
  // route's own hooks run after all instance hooks, so the journal sees the body as finally sent,
  // after plugins registered later (the scenario engine) have changed it.
  app.addHook('onSend', capture)
  app.addHook('onRoute', (route) => {
    const own = route.onSend
    route.onSend = own === undefined ? [capture] : [...(Array.isArray(own) ? own : [own]), capture]
  })

  app.addHook('onResponse', (request, reply, done) => {
    if (journaled(request.url)) {
      // The answer has gone: a journal fault must not fail the request, only be logged.
      try {
        record(request, reply)
      } catch (err) {
        request.log.warn({ err }, 'request journal: could not record the request')
      }
    }
    done()
  })
}, { name: 'request-journal', fastify: '5.x', dependencies: ['sandbox'] })
