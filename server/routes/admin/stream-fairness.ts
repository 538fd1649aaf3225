/**
 * Who gives way when every live-journal stream slot is taken. 32 streams in each of two
 * throwaway sessions used to lock everyone out, the dashboard included (robustness probe,
 * finding 11). At the cap, a newcomer takes the slot of the oldest stream of the peer holding the
 * most streams, when that is another peer; else of the session holding the most, when that holds
 * at least two more than the newcomer's session. A fair share is never taken away, so a
 * newcomer is refused only when the slots are spread evenly.
 */

export interface StreamHolder {
  readonly session: string
  readonly peer: string
}

function countBy<T extends StreamHolder> (streams: readonly T[], key: (s: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of streams) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1)
  return counts
}

function biggest (counts: Map<string, number>): [string, number] | undefined {
  let top: [string, number] | undefined
  for (const entry of counts) if (top === undefined || entry[1] > top[1]) top = entry
  return top
}

/** The stream to end for `newcomer`, oldest first in `open`; undefined when none should give way. */
export function streamToDisplace<T extends StreamHolder> (open: readonly T[], newcomer: StreamHolder): T | undefined {
  const peers = biggest(countBy(open, (s) => s.peer))
  if (peers !== undefined && peers[0] !== newcomer.peer && peers[1] >= 2) return open.find((s) => s.peer === peers[0])
  const sessions = countBy(open, (s) => s.session)
  const top = biggest(sessions)
  if (top !== undefined && top[1] >= (sessions.get(newcomer.session) ?? 0) + 2) return open.find((s) => s.session === top[0])
  return undefined
}
