/**
 * The value that makes `override` remove a field instead of setting it: `{"$delete": true}`.
 * A null is a value some answers really carry, so removal needs a marker of its own (a real
 * status-0 helseindikator answer has no `ticket` at all, not `"ticket": null`).
 */
export const DELETE_KEY = '$delete'

export function isDeleteMarker (value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && DELETE_KEY in value
}

/** Why a value that looks like a marker is not a valid one, or undefined when it is fine. */
export function deleteMarkerProblem (value: unknown): string | undefined {
  if (!isDeleteMarker(value)) return undefined
  const keys = Object.keys(value as object)
  if (keys.length !== 1 || (value as Record<string, unknown>)[DELETE_KEY] !== true) return `write {"${DELETE_KEY}": true} alone to remove the field`
  return undefined
}
