/**
 * The ping answer, one shape for both pings (/v1/ping and Innlogging's /api/session/ping): a
 * timestamp under the field NHN's table names `Pong`. The table copies the other fields' names
 * exactly as the JSON spells them (`returTekst`, `ticket`), so `Pong` is the better guess; the
 * spelling is unconfirmed, hence the PING_FIELD setting (docs/assumptions.md).
 */
export type PingField = 'Pong' | 'pong'

// Pings under load come several to a millisecond; formatting a Date is most of a pong's cost.
let lastMs = Number.NaN
let lastText = ''

function isoTime (ms: number): string {
  if (ms !== lastMs) {
    lastText = new Date(ms).toISOString()
    lastMs = ms
  }
  return lastText
}

export function pongBody (field: PingField, nowMs: number): Record<string, string> {
  const now = isoTime(nowMs)
  // Two literals, not one with a computed key: V8 builds a computed-key literal through its slow path.
  return field === 'Pong' ? { Pong: now } : { pong: now }
}
