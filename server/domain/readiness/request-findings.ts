/**
 * The findings each request gave rise to, for its journal entry: routes note them as they decide
 * (routes/shared/leniency.ts), the journal reads them once the answer has gone. They live on the
 * request itself (a Fastify request decoration, see plugins/sandbox.ts), not in a WeakMap keyed
 * by it: a weak entry per request was a cost every request paid, in the map and in the collector.
 */
export interface FindingNotes {
  /** Finding ids in the order first noted; null until the first. */
  findingIds: string[] | null
}

export function noteRequestFinding (request: FindingNotes, id: string): void {
  const ids = request.findingIds
  if (ids === null) request.findingIds = [id]
  else if (!ids.includes(id)) ids.push(id)
}

export function requestFindings (request: FindingNotes): string[] | undefined {
  return request.findingIds ?? undefined
}
