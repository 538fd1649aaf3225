/**
 * The ping answer, one shape for both pings (/v1/ping and Innlogging's /api/session/ping): a
 * timestamp under the field NHN's table names `Pong`. The table copies the other fields' names
 * exactly as the JSON spells them (`returTekst`, `ticket`), so `Pong` is the better guess; the
 * spelling is unconfirmed, hence the PING_FIELD setting (docs/assumptions.md).
 */
export type PingField = 'Pong' | 'pong'

export function pongBody (field: PingField, nowMs: number): Record<string, string> {
  const now = new Date(nowMs).toISOString()
  // Two literals, not one with a computed key: V8 builds a computed-key literal through its slow path.
  return field === 'Pong' ? { Pong: now } : { pong: now }
}
