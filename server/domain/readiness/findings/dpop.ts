/** Findings about DPoP proofs, wherever they are checked (HelseID's endpoints and the Kjernejournal APIs). */
import type { FindingDefinition } from '../catalogue.js'
import { SOURCES } from './sources.js'

export const DPOP_FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'dpop-proof-age',
    severity: 'will-fail',
    title: 'DPoP proof outside NHN\'s window accepted by a Kjernejournal API',
    realService: 'NHN\'s sample API (HelseID.Samples, DPoPProofValidator) accepts a proof whose iat is at most 1 s old, with 5 s clock skew either way, and refuses any other; Kjernejournal publishes no other limit. The sandbox took it only because DPOP_PROOF_MAX_AGE or DPOP_CLOCK_SKEW was raised.',
    source: SOURCES.nhnSampleApiDpop,
    fix: 'Make a new DPoP proof for every request, just before sending it, with iat from a synchronised clock (NTP); never cache or pre-make proofs.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' },
    assumption: true
  },
  {
    id: 'dpop-htu-query',
    severity: 'will-fail',
    title: 'DPoP proof htu with a query or fragment accepted by a Kjernejournal API',
    realService: 'RFC 9449 4.2 makes htu the request URI without query and fragment; NHN\'s sample API compares htu exactly against that URL, so a proof whose htu carries the query is refused. The sandbox took it only because DPOP_STRICT_HTU was off.',
    source: SOURCES.nhnSampleApiDpop,
    fix: 'Set htu to scheme://host/path of the request, leaving out the query string and fragment.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' },
    assumption: true
  }
]
