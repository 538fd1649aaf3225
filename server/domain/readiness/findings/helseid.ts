/** Findings at the HelseID stand-in: client authentication, token habits, organisation numbers. */
import type { FindingDefinition } from '../catalogue.js'
import { SOURCES } from './sources.js'

export const HELSEID_FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'client-secret-auth',
    severity: 'will-fail',
    title: 'Client authenticated with a client secret',
    realService: 'HelseID requires every client to authenticate with private_key_jwt (a client assertion signed with its own key); a secret is refused.',
    source: SOURCES.helseidClientAssertion,
    fix: 'Register a public key for the client and send client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer with a signed client_assertion instead of client_secret.',
    strict: { refuses: true, answer: 'HelseID token endpoint: 400 invalid_client' },
    assumption: true
  },
  {
    id: 'token-per-call',
    severity: 'deprecated',
    title: 'New access token asked for while the last one is still valid',
    realService: 'HelseID expects clients to reuse an access token until it is about to expire, and throttles clients that ask for one per call.',
    source: SOURCES.helseidTokenEndpoint,
    fix: 'Cache the access token per audience and reuse it until shortly before exp; ask for a new one only then (or after a 401).',
    strict: { refuses: false, why: 'HelseID does not publish its throttling limits or answer, so the sandbox cannot imitate them.' }
  },
  {
    id: 'default-child-organisation',
    severity: 'deprecated',
    title: 'Token relies on the registration\'s default child organisation',
    realService: 'HelseID puts only orgnr_parent in a single-tenant client\'s token on its own; a point of care (orgnr_child) comes only from the helseid_authorization structure the EHR sends, in the client assertion or at PAR. An API that needs the child (critical information: KJF-000208) then refuses the token.',
    source: SOURCES.helseidOrganisationNumbers,
    fix: 'Send the point of care in a helseid_authorization entry of the client assertion\'s authorization_details (or at PAR), e.g. identifier {system: urn:oid:2.16.578.1.12.4.1.4.101, type: ENH, value: <child orgnr>}.',
    strict: { refuses: true, answer: 'HelseID token endpoint: 200 with a token without orgnr_child (only orgnr_parent), as HelseID issues it; APIs that need the child then refuse it' },
    assumption: true
  },
  {
    id: 'authorization-details-front-channel',
    severity: 'unconfirmed',
    title: 'authorization_details sent as a plain /connect/authorize parameter',
    realService: 'HelseID documents two ways to send the organisation structure with a logged-in user: at the PAR endpoint (a request object or authorization_details) or in the token request\'s client assertion. An unsigned front-channel value is not documented; whether HelseID reads, ignores or refuses it is not known.',
    source: SOURCES.helseidOrganisationNumbers,
    fix: 'Push the authorization request to /connect/par with authorization_details (or in a signed request object), or send the structure in the client assertion at the token endpoint.',
    strict: { refuses: false, why: 'Nothing documents what HelseID answers to a front-channel authorization_details, so the sandbox keeps accepting it.' },
    assumption: true
  },
  {
    id: 'synthesised-hpr-number',
    severity: 'unconfirmed',
    title: 'Test-token service asked for the HPR number of a pid the sandbox made up a person for',
    realService: 'The real test-token service looks the pid up in HPR\'s test register; the sandbox, not knowing the person, synthesises an HPR number (starting with 8) that HPR\'s test register does not hold, so the real token gets another number or none, and APIs that check HPR may answer otherwise.',
    source: SOURCES.helseidTestTokenService,
    fix: 'Use a pid of the users fixture (or add the person to it), or one HPR\'s test register knows (NHN\'s TestTokenDemo uses 05898597468), and do not rely on the synthesised number.',
    strict: { refuses: false, why: 'The real test-token service would answer too, from HPR\'s test register; the sandbox cannot know that answer, so it keeps its synthesised one.' },
    assumption: true
  }
]
