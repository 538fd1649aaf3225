/**
 * The readiness findings the critical-information rules report (domain/critical-info/leniency-notes.ts),
 * recorded for the request: each id is named here, at its call site.
 */
import type { FastifyRequest } from 'fastify'
import type { Admit, LeniencyNote } from '../../domain/critical-info/leniency-notes.js'
import { lenient } from '../shared/leniency.js'

function record (request: FastifyRequest, note: LeniencyNote): boolean {
  switch (note.leniency) {
    case 'category-coding-system': return lenient(request, 'category-coding-system', note.did)
    case 'consent-coding-systems': return lenient(request, 'consent-coding-systems', note.did)
    case 'behandlingsavklaring-when-enabled': return lenient(request, 'behandlingsavklaring-when-enabled', note.did)
    case 'status-body-unchecked': return lenient(request, 'status-body-unchecked', note.did)
  }
}

/** The OperationContext's `admit` for this request. */
export function admitFor (request: FastifyRequest): Admit {
  return (note) => record(request, note)
}
