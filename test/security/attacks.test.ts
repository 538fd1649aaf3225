/**
 * The attack suite: every attack of the catalogue (attacks.ts) against every face it lists,
 * each answered with the status and code the catalogue gives (the real service's, or the
 * assumption recorded for it), in the face's documented shape.
 */
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { ISSUER, build } from '../helper.js'
import { ticketFor } from '../support/critical-info.js'
import { dpopKey, dpopProof } from '../support/dpop.js'
import { shapeProblem } from '../support/hostile.js'
import { ATTACKS, attackCount, TARGETS, type Attack, type Target } from './attacks.js'
import { attackerKey, BUILDERS, PATIENT, rawSign, targetRequest, ttt, type AttackContext, type AttackRequest } from './attack-builders.js'

async function testToken (app: FastifyInstance, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', payload: body })
  if (res.statusCode !== 200) throw new Error(`test-token service: ${res.body}`)
  return res.json().successResponse.accessTokenJwt as string
}

/** Keys are made once: RSA key generation is the slow part of the suite. */
const keys = Promise.all([dpopKey(), attackerKey()])

async function context (app: FastifyInstance, target: Target): Promise<AttackContext> {
  const request = targetRequest(target)
  const [key, attacker] = await keys
  const now = (): number => Math.floor(app.sandbox.defaultSession.clock.now() / 1000)
  return {
    app,
    target,
    request,
    token: async (extra = {}) => testToken(app, ttt(target, extra)),
    signAsHelseId: async (payload, header = {}) => rawSign({ alg: 'RS256', typ: 'at+jwt', kid: app.sandbox.keys.active.kid, ...header }, payload, app.sandbox.keys.active.privateKey),
    attacker,
    dpopKey: key,
    proof: async (token, options = {}) => dpopProof(options.key ?? key, {
      htm: options.htm ?? request.method,
      htu: options.htu ?? `${ISSUER}${request.path}`,
      ...(options.ath !== false && { accessToken: token }),
      iat: options.iat ?? Math.floor(Date.now() / 1000)
    }),
    now
  }
}

async function send (app: FastifyInstance, target: Target, attack: AttackRequest) {
  const base = targetRequest(target)
  const method = attack.method ?? base.method
  const body = attack.body ?? base.body
  const ticket = target === 'fhir-legacy' && attack.ticket !== null ? attack.ticket ?? await ticketFor(app, PATIENT) : undefined
  const headers: Record<string, string | string[]> = {
    ...base.headers,
    ...(attack.authorization !== null && { authorization: attack.authorization }),
    ...(attack.dpop !== undefined && { dpop: attack.dpop as string | string[] }),
    ...(ticket !== undefined && { 'x-kj-ticket': ticket }),
    ...(body !== undefined && { 'content-type': target === 'fhir-legacy' ? 'application/fhir+json' : 'application/json' })
  }
  const url = attack.path ?? base.path
  const request = { method, url, headers, ...(body !== undefined && { payload: JSON.stringify(body) }) }
  if (attack.sendTwice === true) {
    const first = await app.inject(request)
    if (first.statusCode >= 400) throw new Error(`the first, good send of a replay was refused: ${first.body}`)
  }
  const replay = attack.replaySession === undefined ? request : { ...request, headers: { ...headers, 'x-sandbox-session': attack.replaySession } }
  return { url, method, res: await app.inject(replay) }
}

let rejected = 0
let accepted = 0

async function run (t: Test, app: FastifyInstance, attack: Attack): Promise<void> {
  for (const [target, answer] of Object.entries(attack.answers) as Array<[Target, { status: number, code: string }]>) {
    const ctx = await context(app, target)
    const build = BUILDERS[attack.id]
    if (build === undefined) throw new Error(`no builder for ${attack.id}`)
    const made = await build(ctx)
    for (const request of Array.isArray(made) ? made : [made]) {
      const { url, method, res } = await send(app, target, request)
      const body = res.headers['content-type']?.toString().includes('json') === true ? res.json() : {}
      const code = res.statusCode < 400 ? 'accepted' : (res.headers['nhn-error-code'] ?? body.error)
      t.same({ status: res.statusCode, code }, answer, `${attack.name} -> ${TARGETS[target].request}: ${answer.code} (${res.statusCode === answer.status ? '' : res.body.slice(0, 200)})`)
      t.equal(shapeProblem(method, url, res), undefined, `${attack.id} -> ${target}: in the face's shape`)
      if (res.statusCode >= 400) rejected++
      else accepted++
    }
    // Attacks that move the clock must not leak into the next.
    await app.inject({ method: 'DELETE', url: '/__admin/clock' })
  }
}

t.test('every attack is a builder, and every builder an attack', async (t) => {
  t.same(Object.keys(BUILDERS).sort(), ATTACKS.map((a) => a.id).sort())
  t.equal(new Set(ATTACKS.map((a) => a.id)).size, ATTACKS.length, 'ids are unique')
})

t.test('attacks with the default settings', async (t) => {
  const app = await build(t)
  for (const attack of ATTACKS.filter((a) => a.settings === undefined)) await run(t, app, attack)
})

t.test('attacks with their own settings', async (t) => {
  for (const attack of ATTACKS.filter((a) => a.settings !== undefined)) {
    const app = await build(t, attack.settings as Record<string, string>)
    await run(t, app, attack)
  }
})

t.test('count', async (t) => {
  t.comment(`attacks: ${ATTACKS.length}, attack x face pairs: ${attackCount()}, requests rejected: ${rejected}, accepted as documented: ${accepted}`)
  t.ok(rejected > 0)
})
