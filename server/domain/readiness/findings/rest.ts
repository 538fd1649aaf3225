/** Findings at Kjernejournal's REST face: ping and helseindikator. */
import type { FindingDefinition } from '../catalogue.js'
import { SOURCES } from './sources.js'

export const REST_FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'dpop-bound-token-as-bearer',
    severity: 'deprecated',
    title: 'DPoP-bound token sent as Bearer',
    realService: 'A DPoP-bound token (cnf.jkt) must be sent with the DPoP scheme and a proof (RFC 9449); Kjernejournal\'s helseindikator still accepts it as Bearer, as NHN\'s own sample EHR sends it, but APIs that enforce DPoP refuse it.',
    source: SOURCES.rfc9449,
    fix: 'Send the token as Authorization: DPoP <token> with a DPoP proof whose ath is the token\'s hash.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' }
  },
  {
    id: 'helseindikator-without-samtykke',
    severity: 'deprecated',
    title: 'Helseindikator called without samtykke',
    realService: 'Kjernejournal accepts the call, but documents that samtykke "should be sent for API integrations": it is baked into the ticket and decides what the user may open later.',
    source: SOURCES.helseindikator,
    fix: 'Send samtykke (HPMOTTATTSAMTYKKE, HPAKUTT or HPUNNTAK) in the helseindikator body, from the user\'s choice in the EHR.',
    strict: { refuses: false, why: 'The real service answers such a call; refusing it would not be what NHN does.' }
  },
  {
    id: 'helseindikator-repeat-within-ticket',
    severity: 'deprecated',
    title: 'Helseindikator called again for a patient whose ticket is still valid',
    realService: 'A ticket is valid for an hour for the organisation, patient and consent it was issued for; Kjernejournal\'s workflow is to call helseindikator when the patient is opened and reuse the ticket.',
    source: SOURCES.restWorkflow,
    fix: 'Keep the ticket of the open patient and reuse it until it expires (KJF-000015 / AUT_002 say when to get a new one).',
    strict: { refuses: false, why: 'The real service answers a repeated call; refusing it would not be what NHN does.' }
  }
]
