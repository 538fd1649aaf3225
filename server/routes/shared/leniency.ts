/**
 * Where a route is more lenient than NHN, it asks here: the finding is recorded on the session
 * (and on the request's journal entry), and the answer says whether to let the request through
 * (lenient profile, or a finding the strict profile does not refuse) or to refuse it as the real
 * service does (strict profile).
 */
import type { FastifyRequest } from 'fastify'
import { findingDefinition, type FindingId } from '../../domain/readiness/catalogue.js'
import { noteRequestFinding } from '../../domain/readiness/request-findings.js'

/** Records finding `id`; true when the request may go on, false when the strict profile refuses it. */
export function lenient (request: FastifyRequest, id: FindingId, did: string): boolean {
  const session = request.sandboxSession
  const refused = session.readiness.profile === 'strict' && findingDefinition(id).strict.refuses
  const query = request.url.indexOf('?')
  const path = query < 0 ? request.url : request.url.slice(0, query)
  session.readiness.findings.record(id, { eventId: request.eventId, did: `${request.method} ${path}: ${did}`, at: session.clock.now(), refused })
  noteRequestFinding(request, id)
  return !refused
}
