/** Findings at Kjernejournal's REST face (ping and helseindikator) and its organisation register. */
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
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' },
    assumption: true
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
  },
  {
    id: 'ping-field-case',
    severity: 'unconfirmed',
    title: 'Ping answer read with an inferred field name',
    realService: 'NHN\'s ping output table names the timestamp field "Pong"; no example answer is published, so whether the JSON spells it `Pong` or `pong` is the sandbox\'s reading of the table.',
    source: SOURCES.pingOutput,
    fix: 'Treat any 200 from /v1/ping as success, or read the timestamp under either spelling; test the other with PING_FIELD=pong.',
    strict: { refuses: false, why: 'An inference, not a refusal: the real service answers ping.' },
    assumption: true
  },
  {
    id: 'organisation-registered-by-sandbox',
    severity: 'unconfirmed',
    title: 'Call authorised through an organisation added at run time',
    realService: 'Kjernejournal lets an organisation in only by NHN\'s agreement list (unknown KJF-000226, no agreement KJF-000227, inactive KJF-000331), which an EHR cannot change; here the organisation has access because it was added or changed through /__admin/organisations.',
    source: SOURCES.restWorkflow,
    fix: 'Make sure the organisation (the token\'s orgnr_child, else orgnr_parent) has a Kjernejournal agreement with Norsk helsenett in the environment you move to.',
    strict: { refuses: false, why: 'Whether the organisation has an agreement at NHN is not the sandbox\'s to know, so it is not refused.' },
    assumption: true
  },
  {
    id: 'organisation-agreement-on-registration',
    severity: 'unconfirmed',
    title: 'Call authorised through an organisation a client registration brought',
    realService: 'Kjernejournal lets an organisation in only by agreement with Norsk helsenett (no agreement KJF-000227, unknown KJF-000226); here registering a client (/__admin/clients) gave its orgnr_parent and orgnr_child access.',
    source: SOURCES.restWorkflow,
    fix: 'Make sure the organisation (the token\'s orgnr_child, else orgnr_parent) has a Kjernejournal agreement with Norsk helsenett; register the client with "registerOrganisations": false to see the refusal here.',
    strict: { refuses: false, why: 'Whether the organisation has an agreement at NHN is not the sandbox\'s to know, so it is not refused.' },
    assumption: true
  }
]
