/**
 * A session's readiness as the tests read it: its report (GET /__admin/readiness), one finding
 * of it, and the switch to the strict profile. One place, so every area's findings test asks the
 * same way and gets the same types.
 */
import type { FastifyInstance } from 'fastify'
import type { FindingRecord } from '../../server/domain/readiness/findings.js'
import type { ReadinessReport } from '../../server/domain/readiness/report.js'

function sessionHeaders (session: string): Record<string, string> {
  return { 'x-sandbox-session': session }
}

export async function readinessReport (app: FastifyInstance, session = 'default'): Promise<ReadinessReport> {
  const res = await app.inject({ method: 'GET', url: '/__admin/readiness', headers: sessionHeaders(session) })
  if (res.statusCode !== 200) throw new Error(`GET /__admin/readiness answered ${res.statusCode}: ${res.body}`)
  return res.json()
}

/** The finding `id` of the session's report; undefined when the session has not given rise to it. */
export async function findingOf (app: FastifyInstance, id: string, session = 'default'): Promise<FindingRecord | undefined> {
  return (await readinessReport(app, session)).findings.find((f) => f.id === id)
}

export async function strictProfile (app: FastifyInstance, session = 'default'): Promise<void> {
  const res = await app.inject({ method: 'PUT', url: '/__admin/profile', headers: sessionHeaders(session), payload: { profile: 'strict' } })
  if (res.statusCode !== 200) throw new Error(`PUT /__admin/profile answered ${res.statusCode}: ${res.body}`)
}

/** The finding `id`, which the test expects the session to have: a missing one fails the test. */
export async function recordedFinding (app: FastifyInstance, id: string, session = 'default'): Promise<FindingRecord> {
  const finding = await findingOf(app, id, session)
  if (finding === undefined) throw new Error(`the session '${session}' has no finding ${id}`)
  return finding
}
