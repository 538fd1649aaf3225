/**
 * The attack catalogue: every token, DPoP and ticket attack the sandbox must refuse, and the
 * answer each face gives, as data. test/security/attacks.test.ts sends each attack to each face
 * it lists and holds the answer to this table; `npm run docs` writes docs/security.md from it.
 * Codes are the ones the real service gives where a source says so (README "Errors", the
 * catalogue), else the most plausible one, recorded in docs/assumptions.md ("Token attacks").
 */

/** The faces an attack is sent to: one request each, valid in every part but the attacked one. */
export const TARGETS = {
  ping: { face: 'Kjernejournal REST', request: 'GET /v1/ping' },
  helseindikator: { face: 'Kjernejournal REST', request: 'POST /v1/helseindikator' },
  'fhir-legacy': { face: 'ticket FHIR face', request: 'GET /v1/fhir/Patient/$everything' },
  'critical-information': { face: 'critical-information API', request: 'POST /api/critical-information/v1/status' },
  userinfo: { face: 'HelseID', request: 'GET /connect/userinfo' }
} as const

export type Target = keyof typeof TARGETS

export interface Answer {
  readonly status: number
  /** A catalogue code, an OAuth 2 error, or `accepted` (a documented leniency, see the note). */
  readonly code: string
}

export type AttackGroup = 'token' | 'dpop' | 'ticket'

export interface Attack {
  readonly id: string
  readonly group: AttackGroup
  readonly name: string
  /** What is sent, for the table. */
  readonly how: string
  /** Settings the attack runs with (environment form), when not the defaults. */
  readonly settings?: Readonly<Record<string, string>>
  readonly answers: Readonly<Partial<Record<Target, Answer>>>
  /** Why the answer is what it is, when that needs saying. */
  readonly note?: string
}

const INVALID_TOKEN: Answer = { status: 401, code: 'KJF-000198' }
const USERINFO_INVALID: Answer = { status: 401, code: 'invalid_token' }
const USERINFO_BAD_PROOF: Answer = { status: 401, code: 'invalid_dpop_proof' }

/** A token refused as KJF-000198 by every Kjernejournal face and as invalid_token by userinfo. */
function refusedEverywhere (userinfo: Answer | undefined = USERINFO_INVALID): Partial<Record<Target, Answer>> {
  return {
    ping: INVALID_TOKEN,
    helseindikator: INVALID_TOKEN,
    'fhir-legacy': INVALID_TOKEN,
    'critical-information': INVALID_TOKEN,
    ...(userinfo !== undefined && { userinfo })
  }
}

/** DPoP attacks go to the faces that take DPoP-bound tokens with a proof. */
function dpopRefused (userinfo: Answer = USERINFO_BAD_PROOF): Partial<Record<Target, Answer>> {
  return { ping: INVALID_TOKEN, helseindikator: INVALID_TOKEN, 'critical-information': INVALID_TOKEN, userinfo }
}

export const ATTACKS: readonly Attack[] = [
  // ---- the access token ------------------------------------------------------------------
  { id: 'alg-none', group: 'token', name: 'alg none', how: 'header `alg: none`, the valid claims, empty signature', answers: refusedEverywhere() },
  { id: 'alg-none-signed', group: 'token', name: 'alg none with the signature kept', how: 'header changed to `alg: none`, the original signature left on', answers: refusedEverywhere() },
  { id: 'hs256-public-key', group: 'token', name: 'key confusion (HS256 with the public key)', how: 'HS256, HMAC keyed with the published RSA key (its JWK JSON and its PEM)', answers: refusedEverywhere() },
  { id: 'kid-unknown', group: 'token', name: '`kid` pointing elsewhere', how: 'signed with an attacker RSA key, `kid` of a key HelseID does not publish', answers: refusedEverywhere() },
  { id: 'kid-sandbox-attacker-key', group: 'token', name: 'HelseID\'s `kid`, attacker\'s key', how: 'signed with an attacker RSA key, `kid` of HelseID\'s published key', answers: refusedEverywhere() },
  { id: 'jku', group: 'token', name: '`jku` pointing elsewhere', how: 'signed with an attacker key, `jku` naming the attacker\'s key set', answers: refusedEverywhere(), note: 'keys come from HelseID\'s published set only; jku is never fetched' },
  { id: 'x5u', group: 'token', name: '`x5u` pointing elsewhere', how: 'signed with an attacker key, `x5u` naming the attacker\'s certificate', answers: refusedEverywhere(), note: 'x5u is never fetched' },
  { id: 'embedded-jwk', group: 'token', name: 'embedded `jwk`', how: 'signed with an attacker key whose public half is in the header\'s `jwk`', answers: refusedEverywhere() },
  { id: 'client-key', group: 'token', name: 'signed by a client\'s key', how: 'signed with the demo client\'s private key (public in the repo), HelseID\'s `kid`', answers: refusedEverywhere() },
  { id: 'signature-stripped', group: 'token', name: 'signature stripped', how: '`header.payload.` with the signature removed', answers: refusedEverywhere() },
  { id: 'signature-altered', group: 'token', name: 'signature altered', how: 'one byte of the signature changed', answers: refusedEverywhere() },
  { id: 'payload-altered', group: 'token', name: 'claims altered', how: 'another organisation number put in the payload, the signature kept', answers: refusedEverywhere() },
  { id: 'crit-unknown', group: 'token', name: 'unknown critical header', how: 'validly signed, header `crit: ["x-unknown"]`', answers: refusedEverywhere() },
  { id: 'expired', group: 'token', name: 'expired', how: '`exp` a minute ago (beyond the 5 s skew)', answers: refusedEverywhere() },
  { id: 'nbf-future', group: 'token', name: '`nbf` in the future', how: '`nbf` a minute ahead', answers: refusedEverywhere() },
  { id: 'iat-future', group: 'token', name: '`iat` in the future', how: '`iat` and `nbf` now, `iat` a minute ahead (nothing else wrong)', answers: refusedEverywhere(), note: 'a token issued in the future is not one HelseID issued (assumption)' },
  { id: 'no-exp', group: 'token', name: 'no `exp`', how: 'validly signed, `exp` left out', answers: refusedEverywhere() },
  { id: 'lifetime-too-long', group: 'token', name: 'lifetime too long', how: '`exp - iat` = 2 hours (over KJ_MAX_TOKEN_LIFETIME, 3600 s)', answers: { ...refusedEverywhere(), userinfo: { status: 200, code: 'accepted' } }, note: 'userinfo is HelseID\'s own endpoint: HelseID issues long-lived tokens itself; the lifetime rule is Kjernejournal\'s' },
  { id: 'wrong-issuer', group: 'token', name: 'wrong issuer', how: 'validly signed, `iss` another HelseID', answers: refusedEverywhere() },
  { id: 'other-session-issuer', group: 'token', name: 'another session\'s issuer', how: 'a real token from `/s/other`, sent to the default session', answers: refusedEverywhere() },
  { id: 'wrong-audience', group: 'token', name: 'wrong audience', how: 'validly signed, `aud` another API', answers: { ...refusedEverywhere(), userinfo: { status: 200, code: 'accepted' } }, note: 'userinfo takes any HelseID access token of the user, whatever its API' },
  { id: 'several-audiences', group: 'token', name: 'several audiences', how: '`aud: [nhn:kjernejournal, nhn:critical-information]`', answers: { ping: { status: 401, code: 'KJF-000345' }, helseindikator: { status: 401, code: 'KJF-000345' }, 'fhir-legacy': { status: 401, code: 'KJF-000345' }, 'critical-information': { status: 401, code: 'KJF-000345' }, userinfo: { status: 200, code: 'accepted' } } },
  { id: 'typ-wrong', group: 'token', name: 'wrong `typ`', how: 'validly signed, header `typ: id_token+jwt`', answers: refusedEverywhere() },
  { id: 'typ-dpop', group: 'token', name: 'a DPoP proof as the token', how: 'a DPoP proof (`typ: dpop+jwt`) sent as the access token', answers: refusedEverywhere() },
  { id: 'ttt-invalid-key', group: 'token', name: 'test-token service\'s invalid signing key', how: 'TTT `signJwtWithInvalidSigningKey: true`', answers: refusedEverywhere() },
  { id: 'ttt-invalid-issuer', group: 'token', name: 'test-token service\'s invalid issuer', how: 'TTT `setInvalidIssuer: true`', answers: refusedEverywhere() },
  { id: 'ttt-expired', group: 'token', name: 'test-token service\'s expired token', how: 'TTT `expirationParameters.setExpirationTimeAsExpired: true`', answers: refusedEverywhere() },
  { id: 'jwe', group: 'token', name: 'an encrypted token (JWE)', how: 'five-part compact JWE in place of the JWT', answers: refusedEverywhere() },
  { id: 'no-scheme', group: 'token', name: 'no scheme', how: '`Authorization: <token>` without `Bearer`', answers: { ping: { status: 401, code: 'KJF-000279' }, helseindikator: { status: 401, code: 'KJF-000279' }, 'fhir-legacy': { status: 401, code: 'KJF-000279' }, 'critical-information': { status: 401, code: 'KJF-000279' }, userinfo: USERINFO_INVALID } },

  // ---- DPoP -------------------------------------------------------------------------------
  { id: 'dpop-replayed', group: 'dpop', name: 'replayed proof', how: 'a good proof sent a second time', answers: dpopRefused() },
  { id: 'dpop-replayed-other-session', group: 'dpop', name: 'replayed proof in another session', how: 'a good proof sent a second time with `X-Sandbox-Session` naming another session (same URL, so the same `htu`)', answers: dpopRefused(), note: 'the replay caches are shared by all sessions, like the real services\' own' },
  { id: 'dpop-wrong-htm', group: 'dpop', name: 'wrong `htm`', how: 'proof for another method', answers: dpopRefused() },
  { id: 'dpop-wrong-htu', group: 'dpop', name: 'wrong `htu`', how: 'proof for another URL', answers: dpopRefused() },
  { id: 'dpop-missing-ath', group: 'dpop', name: 'missing `ath`', how: 'proof without `ath`', answers: dpopRefused() },
  { id: 'dpop-wrong-ath', group: 'dpop', name: 'wrong `ath`', how: 'proof with the hash of another token', answers: dpopRefused() },
  { id: 'dpop-jkt-mismatch', group: 'dpop', name: '`cnf.jkt` mismatch', how: 'a good proof made with another key than the token is bound to', answers: dpopRefused(USERINFO_INVALID) },
  { id: 'dpop-no-proof', group: 'dpop', name: 'DPoP scheme without a proof', how: '`Authorization: DPoP <token>`, no `DPoP` header', answers: dpopRefused() },
  { id: 'dpop-two-proofs', group: 'dpop', name: 'two proofs', how: 'two `DPoP` headers', answers: dpopRefused() },
  { id: 'dpop-unbound-token', group: 'dpop', name: 'DPoP scheme, token not bound', how: 'a proof with a Bearer token (no `cnf.jkt`)', answers: { ping: INVALID_TOKEN, helseindikator: INVALID_TOKEN, 'critical-information': INVALID_TOKEN, userinfo: { status: 200, code: 'accepted' } }, note: 'userinfo, like HelseID, serves an unbound token whatever the scheme' },
  { id: 'dpop-private-jwk', group: 'dpop', name: 'private key in the proof\'s `jwk`', how: 'proof header `jwk` with the private members', answers: dpopRefused() },
  { id: 'dpop-symmetric', group: 'dpop', name: 'symmetric proof', how: 'proof signed HS256', answers: dpopRefused() },
  { id: 'dpop-old-iat', group: 'dpop', name: 'stale proof', how: 'proof `iat` five minutes ago', answers: dpopRefused() },
  { id: 'dpop-as-bearer', group: 'dpop', name: 'DPoP-bound token sent as Bearer', how: '`Authorization: Bearer <DPoP-bound token>`, no proof', answers: { ping: { status: 200, code: 'accepted' }, helseindikator: { status: 200, code: 'accepted' }, 'critical-information': INVALID_TOKEN, userinfo: USERINFO_INVALID }, note: 'the REST face takes it while Bearer is being phased out (NHN\'s own sample EHR sends it so); the critical-information API refuses it (RFC 9449 7.1); REQUIRE_DPOP=true refuses it everywhere (next row)' },
  { id: 'dpop-as-bearer-required', group: 'dpop', name: 'DPoP-bound token sent as Bearer, DPoP required', how: 'as above, with `REQUIRE_DPOP=true`', settings: { REQUIRE_DPOP: 'true' }, answers: { ping: INVALID_TOKEN, helseindikator: INVALID_TOKEN, 'critical-information': INVALID_TOKEN, userinfo: USERINFO_INVALID } },

  // ---- tickets ----------------------------------------------------------------------------
  { id: 'ticket-tampered', group: 'ticket', name: 'tampered ticket', how: 'one byte of the ciphertext changed', answers: { 'fhir-legacy': { status: 401, code: 'KJF-000011' } } },
  { id: 'ticket-truncated', group: 'ticket', name: 'truncated ticket', how: 'the ticket cut in half', answers: { 'fhir-legacy': { status: 401, code: 'KJF-000011' } } },
  { id: 'ticket-forged', group: 'ticket', name: 'forged ticket', how: 'a ticket of the right form made with another key (another sandbox\'s)', answers: { 'fhir-legacy': { status: 401, code: 'KJF-000011' } } },
  { id: 'ticket-plain', group: 'ticket', name: 'home-made ticket', how: 'base64 of `{"orgnr","nin","exp"}` JSON, unencrypted', answers: { 'fhir-legacy': { status: 401, code: 'KJF-000011' } } },
  { id: 'ticket-expired', group: 'ticket', name: 'expired ticket', how: 'a good ticket after the session clock moved 61 minutes', answers: { 'fhir-legacy': { status: 401, code: 'KJF-000015' } } },
  { id: 'ticket-other-organisation', group: 'ticket', name: 'ticket of another organisation', how: 'a ticket issued to ACME EHR (310001406) used by Sandvik legesenter', answers: { 'fhir-legacy': { status: 401, code: 'KJF-000011' } } },
  { id: 'ticket-other-patient', group: 'ticket', name: 'ticket for another patient', how: 'a ticket for patient A used to register critical information for patient B', answers: { 'fhir-legacy': { status: 403, code: 'KJF-000303' } }, note: 'the ticket names the patient; a resource about someone else is the patient-mismatch rule' },
  { id: 'ticket-other-patient-read', group: 'ticket', name: 'ticket for another patient, reading their record', how: 'a ticket for patient A used to read a record of patient B by id', answers: { 'fhir-legacy': { status: 404, code: 'KJF-000229' } }, note: 'records of other patients do not exist for the ticket\'s patient' },
  { id: 'ticket-missing', group: 'ticket', name: 'no ticket', how: 'no `X-KJ-Ticket`', answers: { 'fhir-legacy': { status: 401, code: 'KJF-000259' } } }
]

/** How many (attack, face) pairs the catalogue holds. */
export function attackCount (): number {
  return ATTACKS.reduce((n, a) => n + Object.keys(a.answers).length, 0)
}
