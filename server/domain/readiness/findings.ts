/**
 * The readiness findings of one session: for each finding id, how often the EHR did it, the
 * journal event ids of the first and the last time (to find the requests), and what it did the
 * last time. The catalogue bounds the number of keys, so the store cannot grow with traffic.
 */
import { findingDefinition, SEVERITIES, type FindingDefinition, type FindingId, type Severity } from './catalogue.js'

export interface FindingEvent {
  /** The request's X-EVENT-ID, as in the journal. */
  readonly eventId: string
  /** What the EHR did, in one line (method, path, the detail that matters). */
  readonly did: string
  /** Sandbox time, ms. */
  readonly at: number
  /** The strict profile refused the request. */
  readonly refused: boolean
}

export interface FindingRecord {
  readonly id: FindingId
  readonly severity: Severity
  readonly title: string
  readonly count: number
  readonly refused: number
  readonly firstEventId: string
  readonly lastEventId: string
  readonly firstSeen: string
  readonly lastSeen: string
  readonly did: string
  readonly realService: string
  readonly source: string
  readonly fix: string
  readonly strict: FindingDefinition['strict']
}

interface Tally {
  count: number
  refused: number
  first: FindingEvent
  last: FindingEvent
}

const MAX_DID = 300

export class SessionFindings {
  readonly #tallies = new Map<FindingId, Tally>()

  record (id: FindingId, event: FindingEvent): void {
    findingDefinition(id)
    const bounded = event.did.length > MAX_DID ? { ...event, did: `${event.did.slice(0, MAX_DID)}...` } : event
    const tally = this.#tallies.get(id)
    if (tally === undefined) {
      this.#tallies.set(id, { count: 1, refused: bounded.refused ? 1 : 0, first: bounded, last: bounded })
      return
    }
    tally.count++
    if (bounded.refused) tally.refused++
    tally.last = bounded
  }

  /** Most severe first, then most frequent. */
  list (): FindingRecord[] {
    const records = [...this.#tallies.entries()].map(([id, t]) => {
      const d = findingDefinition(id)
      return {
        id,
        severity: d.severity,
        title: d.title,
        count: t.count,
        refused: t.refused,
        firstEventId: t.first.eventId,
        lastEventId: t.last.eventId,
        firstSeen: new Date(t.first.at).toISOString(),
        lastSeen: new Date(t.last.at).toISOString(),
        did: t.last.did,
        realService: d.realService,
        source: d.source,
        fix: d.fix,
        strict: d.strict
      }
    })
    return records.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count || a.id.localeCompare(b.id))
  }

  clear (): void {
    this.#tallies.clear()
  }
}
