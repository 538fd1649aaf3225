/**
 * HelseID's claim names, spelled exactly as HelseID issues them, so EHR code written against the
 * sandbox reads the same claims from the real service.
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/claims_enmd
 */
export const CLAIM = {
  pid: 'helseid://claims/identity/pid',
  pidPseudonym: 'helseid://claims/identity/pid_pseudonym',
  securityLevel: 'helseid://claims/identity/security_level',
  assuranceLevel: 'helseid://claims/identity/assurance_level',
  network: 'helseid://claims/identity/network',
  hprNumber: 'helseid://claims/hpr/hpr_number',
  orgnrParent: 'helseid://claims/client/claims/orgnr_parent',
  orgnrChild: 'helseid://claims/client/claims/orgnr_child',
  orgnrSupplier: 'helseid://claims/client/claims/orgnr_supplier',
  clientTenancy: 'helseid://claims/client/claims/client_tenancy',
  journalId: 'nhn:sfm:journal_id',
  clientName: 'helseid://claims/client/client_name',
  clientAmrHelseId: 'helseid://claims/client/amr',
  clientAmr: 'client_amr'
} as const

/** Scopes that ask for identity claims (user login), not for an API. */
export const IDENTITY_SCOPES = [
  'openid',
  'profile',
  'offline_access',
  'helseid://scopes/identity/pid',
  'helseid://scopes/identity/pid_pseudonym',
  'helseid://scopes/identity/security_level',
  'helseid://scopes/identity/assurance_level',
  'helseid://scopes/identity/network',
  'helseid://scopes/identity/all',
  'helseid://scopes/hpr/hpr_number'
] as const

/** The API scopes of the Kjernejournal family; a client may be registered with others. */
export const KNOWN_API_SCOPES = [
  'nhn:kjernejournal/api',
  'nhn:kjernejournal/innlogging',
  'nhn:kjernejournal/tillitsrammeverk',
  'nhn:critical-information/api'
] as const

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** Asymmetric algorithms only: HelseID refuses HMAC-signed client assertions and DPoP proofs. */
export const ASYMMETRIC_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const
