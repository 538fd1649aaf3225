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
  }
]
