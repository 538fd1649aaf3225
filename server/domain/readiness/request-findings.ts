/**
 * The findings each request gave rise to, for its journal entry: routes note them as they decide
 * (routes/shared/leniency.ts), the journal reads them once the answer has gone. Keyed weakly by
 * the request object, so an aborted request leaves nothing behind.
 */
const recorded = new WeakMap<object, string[]>()

export function noteRequestFinding (request: object, id: string): void {
  const ids = recorded.get(request) ?? []
  if (!ids.includes(id)) ids.push(id)
  recorded.set(request, ids)
}

export function requestFindings (request: object): string[] | undefined {
  return recorded.get(request)
}
