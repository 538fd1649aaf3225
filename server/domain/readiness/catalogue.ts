/**
 * Every readiness finding the sandbox can record: where it accepts what the real service refuses
 * (`will-fail`), accepts what NHN or HelseID document as going away or to be avoided
 * (`deprecated`), or answers from an inference (`unconfirmed`). Each names its public source and
 * what the strict profile does instead. docs/readiness.md is generated from this list, and each
 * finding that rests on an inference names the docs/assumptions.md row that records it.
 */
export const SEVERITIES = ['will-fail', 'deprecated', 'unconfirmed'] as const
export type Severity = typeof SEVERITIES[number]

/** What a strict session answers instead of letting the request through. */
export type StrictAnswer =
  | { readonly refuses: true, readonly answer: string }
  | { readonly refuses: false, readonly why: string }

export interface FindingDefinition {
  readonly id: string
  readonly severity: Severity
  readonly title: string
  /** What the real service does (or is documented to do). */
  readonly realService: string
  /** A public page that says so. */
  readonly source: string
  readonly fix: string
  readonly strict: StrictAnswer
  /** The finding rests on a row of docs/assumptions.md, which carries `leniency: <id>`. */
  readonly assumption?: true
}

const HELSEID_CLIENT_ASSERTION = 'https://helseid.atlassian.net/wiki/pages/viewpage.action?pageId=541982723'
const KJ_CRITICAL_INFO_AUTH = 'https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/authorizationmd'
const KJ_HELSEINDIKATOR = 'https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=814415889&pageId=817987807'
const KJ_WORKFLOW = 'https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/786989408'
const RFC9449 = 'https://www.rfc-editor.org/rfc/rfc9449#section-7.1'
const HELSEID_TOKEN_ENDPOINT = 'https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/endepunkt/token-endepunktet_enmd'

export const FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'client-secret-auth',
    severity: 'will-fail',
    title: 'Client authenticated with a client secret',
    realService: 'HelseID requires every client to authenticate with private_key_jwt (a client assertion signed with its own key); a secret is refused.',
    source: HELSEID_CLIENT_ASSERTION,
    fix: 'Register a public key for the client and send client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer with a signed client_assertion instead of client_secret.',
    strict: { refuses: true, answer: 'HelseID token endpoint: 400 invalid_client' }
  },
  {
    id: 'bearer-where-dpop-required',
    severity: 'deprecated',
    title: 'Bearer token sent where DPoP is documented',
    realService: 'The critical-information API\'s newest documentation requires a DPoP-bound token (Authorization: DPoP <token> with a DPoP proof); Bearer is being phased out.',
    source: KJ_CRITICAL_INFO_AUTH,
    fix: 'Ask HelseID for a DPoP-bound token (send a DPoP proof to the token endpoint) and call the API with Authorization: DPoP <token> and a fresh DPoP proof per request.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' }
  },
  {
    id: 'dpop-bound-token-as-bearer',
    severity: 'deprecated',
    title: 'DPoP-bound token sent as Bearer',
    realService: 'A DPoP-bound token (cnf.jkt) must be sent with the DPoP scheme and a proof (RFC 9449); Kjernejournal\'s helseindikator still accepts it as Bearer, as NHN\'s own sample EHR sends it, but APIs that enforce DPoP refuse it.',
    source: RFC9449,
    fix: 'Send the token as Authorization: DPoP <token> with a DPoP proof whose ath is the token\'s hash.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the face\'s error shape' }
  },
  {
    id: 'helseindikator-without-samtykke',
    severity: 'deprecated',
    title: 'Helseindikator called without samtykke',
    realService: 'Kjernejournal accepts the call, but documents that samtykke "should be sent for API integrations": it is baked into the ticket and decides what the user may open later.',
    source: KJ_HELSEINDIKATOR,
    fix: 'Send samtykke (HPMOTTATTSAMTYKKE, HPAKUTT or HPUNNTAK) in the helseindikator body, from the user\'s choice in the EHR.',
    strict: { refuses: false, why: 'The real service answers such a call; refusing it would not be what NHN does.' }
  },
  {
    id: 'token-per-call',
    severity: 'deprecated',
    title: 'New access token asked for while the last one is still valid',
    realService: 'HelseID expects clients to reuse an access token until it is about to expire, and throttles clients that ask for one per call.',
    source: HELSEID_TOKEN_ENDPOINT,
    fix: 'Cache the access token per audience and reuse it until shortly before exp; ask for a new one only then (or after a 401).',
    strict: { refuses: false, why: 'HelseID does not publish its throttling limits or answer, so the sandbox cannot imitate them.' }
  },
  {
    id: 'helseindikator-repeat-within-ticket',
    severity: 'deprecated',
    title: 'Helseindikator called again for a patient whose ticket is still valid',
    realService: 'A ticket is valid for an hour for the organisation, patient and consent it was issued for; Kjernejournal\'s workflow is to call helseindikator when the patient is opened and reuse the ticket.',
    source: KJ_WORKFLOW,
    fix: 'Keep the ticket of the open patient and reuse it until it expires (KJF-000015 / AUT_002 say when to get a new one).',
    strict: { refuses: false, why: 'The real service answers a repeated call; refusing it would not be what NHN does.' }
  }
]

const BY_ID = new Map(FINDINGS.map((f) => [f.id, f]))

export type FindingId = string

export function findingDefinition (id: FindingId): FindingDefinition {
  const definition = BY_ID.get(id)
  // A programming error: every call site names a finding of this list (a test checks them).
  if (definition === undefined) throw new Error(`unknown readiness finding '${id}'`)
  return definition
}
